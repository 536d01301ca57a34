import type { FastifyReply } from 'fastify';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { GRAPHQL_RESPONSE_JSON, responseMediaType } from './response-media-type.js';
import { toClientError, type InternalErrorLog } from './to-client-error.js';

const STATUS_BY_CODE: Record<string, number> = {
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_DEEP: 400,
  QUERY_TOO_COMPLEX: 400,
  SERVICE_UNAVAILABLE: 503,
};

// Seconds a client is asked to wait before sending again a request the database could not answer.
const RETRY_AFTER_SECONDS = '1';

/** What Mercurius hands its errorFormatter besides the result: the request's context, with its reply. */
interface FormatterContext {
  /** The Fastify instance Mercurius is registered on: its schema names what a refused literal should have been. */
  app?: { graphql?: { schema?: GraphQLSchema } };
  reply?: Pick<FastifyReply, 'header'> & { request: { headers: { accept?: string } } };
}

/**
 * Mercurius's errorFormatter: every error (request, validation or resolver) through
 * toClientError, and an HTTP status that is never 500 for anything a client sent. A
 * request error (nothing executed: the body, the document, its limits or its variables
 * were refused) has no `data` entry, and under application/graphql-response+json a 4xx
 * status, as GraphQL over HTTP says; an error while executing keeps `data`, even null.
 */
export function formatGraphqlErrors(logInternal: InternalErrorLog) {
  return (execution: ExecutionResult & { statusCode?: number }, context?: FormatterContext) => {
    const raw = (execution.errors ?? []).flatMap((e) => {
      const nested = (e.originalError as { errors?: unknown } | undefined)?.errors;
      return Array.isArray(nested) ? nested.map(asGraphqlError) : [e];
    });
    const errors = raw.map((e) => toClientError(e, logInternal, context?.app?.graphql?.schema));
    const first = errors[0]?.extensions.code;
    const legacyStatus = (first && STATUS_BY_CODE[first]) ?? (first === 'BAD_USER_INPUT' && raw[0]?.path === undefined ? 400 : 200);
    if (legacyStatus === 503 && !execution.data) context?.reply?.header('retry-after', RETRY_AFTER_SECONDS);
    if (execution.data === undefined) {
      const graphqlResponse = responseMediaType(context?.reply?.request.headers.accept) === GRAPHQL_RESPONSE_JSON;
      return { statusCode: graphqlResponse ? Math.max(legacyStatus, 400) : legacyStatus, response: { errors } };
    }
    return { statusCode: execution.data === null ? legacyStatus : 200, response: { data: execution.data, errors } };
  };
}

// Errors Mercurius nests under a request error (a mutation over GET, …) are about the request.
function asGraphqlError(e: unknown): GraphQLError {
  if (e instanceof GraphQLError) return e;
  return new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT' } });
}
