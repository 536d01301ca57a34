/** What a bearer token may do. */
export const SCOPES = ['publish', 'certify', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is asking: an organization and its token's scopes, or nobody (anonymous). */
export interface Viewer {
  organization?: string;
  /** The token's id (as `aisle token list` shows it), for logs; never the token. */
  tokenId?: number;
  scopes: readonly Scope[];
}

export const ANONYMOUS: Viewer = { scopes: [] };

/** True when the viewer holds the scope (admin holds every scope). */
export function hasScope(viewer: Viewer, scope: Scope): boolean {
  return viewer.scopes.includes(scope) || viewer.scopes.includes('admin');
}
