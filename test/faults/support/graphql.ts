/** A GraphQL answer as the fault tests read it. */
export interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string; retryable?: boolean } }> };
  headers: Headers;
}

/** A GraphQL POST over real HTTP; rejects only when no HTTP answer came (the process died, the socket closed). */
export async function gql(url: string, query: string, variables?: Record<string, unknown>, token?: string, signal?: AbortSignal): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), headers: response.headers };
}

export const PUBLISH = 'mutation P($m: String!, $v: Visibility) { publishComponent(manifest: $m, visibility: $v) { created version { name version digest } } }';
