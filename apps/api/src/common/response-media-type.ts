/** The GraphQL-over-HTTP media type; its status codes follow the spec for request errors. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | 'application/json';

/**
 * The media type a GraphQL answer is sent in, from the request's Accept header:
 * application/graphql-response+json when the client prefers it (higher quality, or equal
 * and listed first), else application/json — also for `* / *` and no Accept at all,
 * as the GraphQL-over-HTTP spec asks of servers until its watershed.
 */
export function responseMediaType(accept: string | undefined): ResponseMediaType {
  let graphql: { q: number; index: number } | undefined;
  let json: { q: number; index: number } | undefined;
  (accept ?? '').split(',').forEach((range, index) => {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) return;
    if (type === GRAPHQL_RESPONSE_JSON && (!graphql || q > graphql.q)) graphql = { q, index };
    if ((type === 'application/json' || type === 'application/*' || type === '*/*') && (!json || q > json.q)) json = { q, index };
  });
  if (graphql && (!json || graphql.q > json.q || (graphql.q === json.q && graphql.index < json.index))) return GRAPHQL_RESPONSE_JSON;
  return 'application/json';
}
