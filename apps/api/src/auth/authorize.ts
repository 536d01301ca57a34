import { COMPONENT_NAME_RULE, parseComponentName, type ComponentName } from '../../../../libs/manifest/index.js';
import type { StoredComponent, Visibility } from '../catalog/stored-component.js';
import { ApiError } from '../common/api-error.js';
import { hasScope, type Scope, type Viewer } from './viewer.js';

interface MutationRule {
  /** The token scope the mutation needs (admin holds every scope). */
  scope: Scope;
  /** What the mutation does to a component, for messages. */
  verb: string;
  /** True when only the owning organization (or an admin, on a public global component) may do it. */
  ownerOnly: boolean;
  /** Where the component's name is in the request, for the diagnostics' paths. */
  path: string;
}

/**
 * Every mutation of the API and who may run it: the one table authorization is decided
 * from. A test checks that each Mutation field of the schema has its row. Certifying is
 * not owner-only: the record is verified against the trust store, so any certify token
 * may hand in a certifier's record for a global component.
 */
export const MUTATION_POLICY = {
  publishComponent: { scope: 'publish', verb: 'publish', ownerOnly: true, path: 'metadata.name' },
  deprecateComponentVersion: { scope: 'publish', verb: 'deprecate', ownerOnly: true, path: 'component' },
  certifyComponentVersion: { scope: 'certify', verb: 'certify', ownerOnly: false, path: 'record' },
} as const satisfies Record<string, MutationRule>;

export type MutationName = keyof typeof MUTATION_POLICY;

/** A caller allowed to run a mutation at all; services take one, so none runs without this check. */
export interface Actor {
  readonly mutation: MutationName;
  readonly organization: string;
  /** Admin tokens also act on other organizations' global components, never inside another organization's scope. */
  readonly admin: boolean;
}

/** What a mutation may write to, as decided by the policy. */
export interface WriteTarget {
  readonly name: ComponentName;
  /** The component, when it exists: in the actor's scope, or a public global one. */
  readonly component?: StoredComponent;
  /** Who owns the component (for a new one, the actor's organization). */
  readonly organization: string;
  /** Who sees it (for a new one, as asked; default public). */
  readonly visibility: Visibility;
}

/** The one read the policy needs; the repository answers it. */
export interface WriteLookup {
  /** The component named exactly so that a write by `organization` can reach: in its own scope, or global and public. */
  componentForWrite(name: ComponentName, organization: string): Promise<StoredComponent | undefined>;
}

/**
 * Who may run a mutation at all, decided before anything the caller sent is parsed:
 * a token (UNAUTHENTICATED without one) holding the mutation's scope (else FORBIDDEN).
 */
export function authorizeCaller(viewer: Viewer, mutation: MutationName): Actor {
  const { scope } = MUTATION_POLICY[mutation];
  if (viewer.organization === undefined) {
    throw ApiError.of(
      'TOKEN_REQUIRED',
      'Authorization',
      `this needs a bearer token with the ${scope} scope (Authorization: Bearer …; create one with aisle token create)`,
    );
  }
  if (!hasScope(viewer, scope)) throw ApiError.of('SCOPE_MISSING', 'Authorization', `your token lacks the ${scope} scope`);
  return { mutation, organization: viewer.organization, admin: viewer.scopes.includes('admin') };
}

/**
 * What an actor may write under a name. Another organization's scope is refused from the
 * name alone, before anything is read, so the answer is the same whether or not such a
 * component exists; a private component must be named in the actor's own scope. Only
 * then is the component read (in the actor's scope, or global and public, never another
 * organization's private one), and a global component of another organization is left
 * to its owner and to admins.
 */
export async function authorizeTarget(actor: Actor, name: string, lookup: WriteLookup, visibility?: Visibility): Promise<WriteTarget> {
  const rule = MUTATION_POLICY[actor.mutation];
  const parsed = parseComponentName(name);
  if (!parsed) throw ApiError.of('REFERENCE_INVALID', rule.path, `"${name.length > 120 ? `${name.slice(0, 100)}…` : name}" ${COMPONENT_NAME_RULE}`);
  const own = actor.organization;
  if (parsed.scope !== undefined && parsed.scope !== own) {
    throw ApiError.of(
      'NAME_SCOPE_FORBIDDEN',
      rule.path,
      `${parsed.full} is in the scope of organization ${parsed.scope}, and your token acts for ${own}: it may ${rule.verb} only names in its own scope (${own}/…) or global names`,
    );
  }
  if (visibility === 'private' && parsed.scope === undefined) {
    throw ApiError.of(
      'NAME_SCOPE_REQUIRED',
      rule.path,
      `a private component lives in its organization's scope: name it ${own}/${parsed.base} (global names are public)`,
    );
  }
  const component = await lookup.componentForWrite(parsed, own);
  if (component && rule.ownerOnly && component.organization !== own && !actor.admin) {
    throw ApiError.of(
      'NOT_OWNER',
      rule.path,
      `${parsed.full} is published by another organization; ${rule.verb === 'publish' ? 'pick another name' : `only it (or an admin) may ${rule.verb} it`}`,
    );
  }
  if (!component && actor.mutation === 'publishComponent' && parsed.scope === undefined) {
    // A component moved into the scope when names became scoped must not come back as a public global one by accident.
    const scoped = `${own}/${parsed.base}`;
    const moved = parseComponentName(scoped);
    if (moved && (await lookup.componentForWrite(moved, own))) {
      throw ApiError.of(
        'NAME_SCOPE_REQUIRED',
        rule.path,
        `your organization publishes ${parsed.base} as ${scoped}: publish it under that name (a global ${parsed.base} would be another, public component)`,
      );
    }
  }
  return { name: parsed, component, organization: component?.organization ?? own, visibility: component?.visibility ?? visibility ?? 'public' };
}
