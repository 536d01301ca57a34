import { ApiError } from '../common/api-error.js';
import { hasScope, type Scope, type Viewer } from './viewer.js';

/** Throws UNAUTHENTICATED without a token, FORBIDDEN when the token lacks the scope. */
export function requireScope(viewer: Viewer, scope: Scope): asserts viewer is Viewer & { organization: string } {
  if (viewer.organization === undefined) throw ApiError.of('TOKEN_REQUIRED', '', `this needs a bearer token with the ${scope} scope (Authorization: Bearer …; create one with aisle token create)`);
  if (!hasScope(viewer, scope)) throw ApiError.of('SCOPE_MISSING', '', `your token lacks the ${scope} scope`);
}

/** Throws FORBIDDEN unless the viewer's organization owns the component (or the viewer is an admin). */
export function requireOwner(viewer: Viewer & { organization: string }, component: { name: string; organization: string }): void {
  if (component.organization !== viewer.organization && !hasScope(viewer, 'admin')) {
    throw ApiError.of('NOT_OWNER', 'metadata.name', `${component.name} is published by another organization; pick another name`);
  }
}
