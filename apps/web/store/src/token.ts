// The token lives in this tab's session only (sessionStorage): pasted once, gone when the tab closes.
const KEY = 'aisle.token';

/** The bearer token pasted in this session, if any. */
export function readToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps (or forgets, with undefined) the token for this session. */
export function writeToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/** The Authorization header for the token, when there is one. */
export function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
