import { describe, expect, it } from 'vitest';
import type { ComponentName } from '../../../../libs/manifest/index.js';
import type { StoredComponent, Visibility } from '../catalog/stored-component.js';
import { ApiError } from '../common/api-error.js';
import { authorizeCaller, authorizeTarget, MUTATION_POLICY, type MutationName, type WriteLookup } from './authorize.js';
import type { Scope, Viewer } from './viewer.js';

const component = (name: string, organization: string, visibility: Visibility): StoredComponent => ({
  id: 1,
  name,
  organization,
  visibility,
  aisle: 'x',
  latestVersion: '1.0.0',
  latestCertified: false,
});

/** A lookup over a few rows that records every read the policy makes. */
function lookup(rows: StoredComponent[]): WriteLookup & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async componentForWrite(name: ComponentName, organization: string) {
      reads.push(name.full);
      return rows.find((r) => r.name === name.full && (name.scope === undefined ? r.visibility === 'public' : r.organization === organization));
    },
  };
}

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ApiError) return e.diagnostics[0]!.code;
    throw e;
  }
};

const viewer = (organization: string | undefined, scopes: Scope[]): Viewer => ({ organization, scopes });
const MUTATIONS = Object.keys(MUTATION_POLICY) as MutationName[];

describe('authorizeCaller', () => {
  it.each(MUTATIONS)('%s: a token first, then its scope', (mutation) => {
    const scope = MUTATION_POLICY[mutation].scope;
    expect(() => authorizeCaller(viewer(undefined, []), mutation)).toThrow(
      expect.objectContaining({ diagnostics: [expect.objectContaining({ code: 'TOKEN_REQUIRED' })] }),
    );
    expect(() => authorizeCaller(viewer('acme', []), mutation)).toThrow(
      expect.objectContaining({ diagnostics: [expect.objectContaining({ code: 'SCOPE_MISSING' })] }),
    );
    expect(authorizeCaller(viewer('acme', [scope]), mutation)).toEqual({ mutation, organization: 'acme', admin: false });
    expect(authorizeCaller(viewer('acme', ['admin']), mutation)).toEqual({ mutation, organization: 'acme', admin: true });
  });
});

describe('authorizeTarget', () => {
  const rows = [component('acme/vault', 'acme', 'private'), component('acme-tool', 'acme', 'public'), component('globex/x', 'globex', 'public')];

  it.each(MUTATIONS)('%s: another organization’s scope is refused before anything is read, for admins too', async (mutation) => {
    for (const scopes of [[MUTATION_POLICY[mutation].scope], ['admin']] as Scope[][]) {
      const actor = authorizeCaller(viewer('globex', scopes), mutation);
      for (const name of ['acme/vault', 'acme/nothing']) {
        const l = lookup(rows);
        expect(await codeOf(authorizeTarget(actor, name, l))).toBe('NAME_SCOPE_FORBIDDEN');
        expect(l.reads).toEqual([]);
      }
    }
  });

  it.each(MUTATIONS)('%s: the own scope, whatever the visibility', async (mutation) => {
    const actor = authorizeCaller(viewer('acme', [MUTATION_POLICY[mutation].scope]), mutation);
    const target = await authorizeTarget(actor, 'acme/vault', lookup(rows));
    expect(target).toMatchObject({ organization: 'acme', visibility: 'private', component: { name: 'acme/vault' } });
  });

  it('a global component of another organization: its owner and admins publish and deprecate; any certify token certifies', async () => {
    const expected: Record<MutationName, [string, string]> = {
      publishComponent: ['NOT_OWNER', 'ok'],
      deprecateComponentVersion: ['NOT_OWNER', 'ok'],
      certifyComponentVersion: ['ok', 'ok'],
    };
    for (const mutation of MUTATIONS) {
      const plain = authorizeCaller(viewer('globex', [MUTATION_POLICY[mutation].scope]), mutation);
      const admin = authorizeCaller(viewer('globex', ['admin']), mutation);
      expect([
        mutation,
        await codeOf(authorizeTarget(plain, 'acme-tool', lookup(rows))),
        await codeOf(authorizeTarget(admin, 'acme-tool', lookup(rows))),
      ]).toEqual([mutation, ...expected[mutation]]);
    }
    const admin = authorizeCaller(viewer('globex', ['admin']), 'publishComponent');
    // An admin's version joins the owner's component; it does not take it over.
    expect(await authorizeTarget(admin, 'acme-tool', lookup(rows))).toMatchObject({ organization: 'acme', visibility: 'public' });
  });

  it('a private component needs a scoped name; a new one in the own scope takes the visibility asked for', async () => {
    const actor = authorizeCaller(viewer('acme', ['publish']), 'publishComponent');
    const l = lookup(rows);
    expect(await codeOf(authorizeTarget(actor, 'secret', l, 'private'))).toBe('NAME_SCOPE_REQUIRED');
    expect(l.reads).toEqual([]);
    expect(await authorizeTarget(actor, 'acme/new', lookup(rows), 'private')).toMatchObject({
      organization: 'acme',
      visibility: 'private',
      component: undefined,
    });
    expect(await authorizeTarget(actor, 'fresh', lookup(rows))).toMatchObject({ organization: 'acme', visibility: 'public' });
  });

  it('an organization holding acme/vault cannot publish a global vault (a moved private component stays private)', async () => {
    const actor = authorizeCaller(viewer('acme', ['publish']), 'publishComponent');
    expect(await codeOf(authorizeTarget(actor, 'vault', lookup(rows)))).toBe('NAME_SCOPE_REQUIRED');
    const other = authorizeCaller(viewer('globex', ['publish']), 'publishComponent');
    expect(await codeOf(authorizeTarget(other, 'vault', lookup(rows)))).toBe('ok');
  });

  it('refuses a name that is no name, quoting only its start', async () => {
    const actor = authorizeCaller(viewer('acme', ['publish']), 'deprecateComponentVersion');
    await expect(authorizeTarget(actor, `../${'x'.repeat(10_000)}`, lookup(rows))).rejects.toSatisfy(
      (e: ApiError) => e.diagnostics[0]!.code === 'REFERENCE_INVALID' && e.diagnostics[0]!.path === 'component' && e.message.length < 400,
    );
  });
});
