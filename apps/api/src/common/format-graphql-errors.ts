import type { FastifyReply } from 'fastify';
import { GraphQLError, type ExecutionResult } from 'graphql';
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

/**
 * Mercurius's errorFormatter: every error (request, validation or resolver) through
 * toClientError, and an HTTP status that is never 500 for anything a client sent.
 */
export function formatGraphqlErrors(logInternal: InternalErrorLog) {
  return (execution: ExecutionResult & { statusCode?: number }, context?: { reply?: FastifyReply }) => {
    const raw = (execution.errors ?? []).flatMap((e) => {
      const nested = (e.originalError as { errors?: unknown } | undefined)?.errors;
      return Array.isArray(nested) ? nested.map(asGraphqlError) : [e];
    });
    const errors = raw.map((e) => toClientError(e, logInternal));
    let statusCode = 200;
    if (!execution.data) {
      const first = errors[0]?.extensions.code;
      statusCode = (first && STATUS_BY_CODE[first]) ?? (first === 'BAD_USER_INPUT' && raw[0]?.path === undefined ? 400 : 200);
    }
    if (statusCode === 503) context?.reply?.header('retry-after', RETRY_AFTER_SECONDS);
    return { statusCode, response: { data: execution.data ?? null, errors } };
  };
}

// Errors Mercurius nests under a request error (a mutation over GET, …) are about the request.
function asGraphqlError(e: unknown): GraphQLError {
  if (e instanceof GraphQLError) return e;
  return new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT' } });
}
