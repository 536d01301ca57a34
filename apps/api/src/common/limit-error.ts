import { GraphQLError } from 'graphql';

/** The error for a request over one of the service's limits: what was asked, the limit, and what to do instead. */
export function limitError(code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
