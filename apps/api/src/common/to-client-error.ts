import { GraphQLError, Kind, print, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { DatabaseUnavailableError } from '../database/database-unavailable-error.js';
import { isTransientDatabaseError } from '../database/is-transient-database-error.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { ApiError } from './api-error.js';
import { graphqlCodeFor, type GraphqlErrorCode } from './graphql-error-code.js';
import { valueFreeMessage } from './value-free-message.js';

/** Where internal failures are reported (with their stack at level error), never to the client. */
export type InternalErrorLog = (message: string, error: unknown, level?: 'warn' | 'error') => void;

/**
 * One GraphQL error as a client sees it: a message, a code, field paths for bad input,
 * and nothing internal (no stack, no driver message).
 */
export function toClientError(
  e: GraphQLError,
  logInternal: InternalErrorLog,
  schema?: GraphQLSchema,
): GraphQLFormattedError & { extensions: { code: GraphqlErrorCode; retryable?: boolean } } {
  const base = { locations: e.locations, path: e.path };
  // A literal of the document refused before anything ran (validation, or coercion of an argument): never quoted back.
  const literal = e.path === undefined && !(e.originalError instanceof ApiError) ? valueFreeMessage(e, schema) : undefined;
  if (literal !== undefined) return { ...base, message: literal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  const original = e.originalError as (Error & { code?: string; statusCode?: number; extensions?: Record<string, unknown> }) | undefined;
  if (original instanceof ApiError) {
    const errors = original.diagnostics.filter((d) => d.severity === 'error');
    const shown = errors.length > 0 ? errors : original.diagnostics;
    const code = graphqlCodeFor(shown[0]!.code);
    const message =
      shown.length === 1
        ? withPath(shown[0]!.path, shown[0]!.message)
        : `${shown.length} problems: ${shown.map((d) => withPath(d.path, d.message)).join('; ')}`;
    return { ...base, message, extensions: { code, problems: shown.map(toClientProblem) } };
  }
  if (isTransientDatabaseError(original)) {
    logInternal(
      'the database failed transiently while answering a GraphQL request',
      original instanceof DatabaseUnavailableError ? original.cause : original,
      'warn',
    );
    return {
      ...base,
      message: 'the database is unavailable for a moment; send the request again',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    };
  }
  if (isVariableError(e)) return { ...base, message: withoutValue(e, original), extensions: { code: 'BAD_USER_INPUT' } };
  const ownCode = (e.extensions?.code ?? original?.extensions?.code) as GraphqlErrorCode | undefined;
  if (ownCode && ownCode !== 'INTERNAL_SERVER_ERROR') return { ...base, message: e.message, extensions: { code: ownCode } };
  if (original?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { message: 'the request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } };
  }
  if (original?.code?.startsWith('FST_ERR_CTP') || (original && original instanceof SyntaxError && original.statusCode === 400)) {
    return {
      message: `the request body could not be read: ${original.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'send application/json' : 'it is not valid JSON'}`,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (original === undefined || original instanceof GraphQLError) {
    if (isSyntaxError(e)) return { ...base, message: e.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    if (e.nodes !== undefined || e.locations !== undefined) return { ...base, message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    // graphql-js's own request errors (an unknown operationName, …): not from a resolver, so not a bug of ours.
    if (e.path === undefined) return { message: e.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const status = (original as { statusCode?: unknown } | undefined)?.statusCode;
  const errorCode = (original as { code?: unknown } | undefined)?.code;
  const mercurius = typeof errorCode === 'string' && errorCode.startsWith('MER_ERR_') && errorCode !== 'MER_ERR_GQL_INVALID_SCHEMA';
  if (original && (mercurius || (typeof status === 'number' && status >= 400 && status < 500))) {
    // Mercurius's own request errors (missing query, unknown operation, GET for a mutation).
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  logInternal('internal error while answering a GraphQL request', original ?? e);
  return { ...base, message: 'internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

// Told apart by what graphql-js attaches, not by its wording (which changes between versions).
/** A variable's value refused before execution: graphql-js points at the variable's definition. */
function isVariableError(e: GraphQLError): boolean {
  return e.path === undefined && e.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION;
}

/** A document that does not parse: the lexer and parser give a position in the source but no node. */
function isSyntaxError(e: GraphQLError): boolean {
  return e.nodes === undefined && e.source !== undefined && (e.positions?.length ?? 0) > 0;
}

/** A diagnostic as `extensions.problems[]` shows it: its place in the text sent (line, column) when it has one. */
function toClientProblem(d: Diagnostic): Record<string, unknown> {
  return {
    path: d.path,
    code: d.code,
    message: d.message,
    ...(d.rule ? { rule: d.rule } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    // For tools: the schema keyword and its parameters (a pattern's expression), never shown in message.
    ...(d.detail ? { detail: d.detail } : {}),
  };
}

function withPath(path: string, message: string): string {
  return path ? `${path}: ${message}` : message;
}

/**
 * graphql-js quotes the offending value in variable coercion errors (and its scalars
 * repeat it); a secret may be that value. Keep the variable, the expected type and our
 * own scalars' value-free reasons only.
 */
function withoutValue(e: GraphQLError, original: (Error & { extensions?: Record<string, unknown> }) | undefined): string {
  // Only a refused value comes with the error that refused it; "was not provided" and "must not be null" quote nothing.
  const node = e.nodes?.[0];
  if (original === undefined || node?.kind !== Kind.VARIABLE_DEFINITION) return e.message;
  const name = node.variable.name.value;
  const type = ` of type ${print(node.type)}`;
  const reason = original instanceof GraphQLError && original.extensions?.code === 'BAD_USER_INPUT' ? `: ${original.message}` : '';
  return `Variable "$${name}" got an invalid value; it must be a value${type}${reason}`;
}
