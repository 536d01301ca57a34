import { getIntrospectionQuery, type IntrospectionObjectType, type IntrospectionQuery } from 'graphql';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_POLICY } from '../../apps/api/src/auth/authorize.js';
import type { ComponentManifest } from '../../libs/manifest/index.js';
import { certificationFor, derivedManifest, fixtureCatalog, shippedManifest, removeFixtures, type FixtureCatalog } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type GqlResponse, type TestServer } from './support/test-server.js';

const PUBLISH = 'mutation P($m: String!, $v: Visibility) { publishComponent(manifest: $m, visibility: $v) { created version { name version digest } } }';
const DEPRECATE =
  'mutation D($c: String!, $v: String!) { deprecateComponentVersion(component: $c, version: $v, reason: "use another") { version deprecated } }';
const CERTIFY = 'mutation C($r: String!) { certifyComponentVersion(record: $r) { version certification { level verified } } }';
const STATE =
  'query S($n: String!) { component(name: $n) { organization visibility latest { version } versions { version digest deprecated certification { level } } } }';

type Mutation = 'publish' | 'deprecate' | 'certify';
type Token = 'anonymous' | 'publish' | 'certify' | 'admin';
type Outcome = 'ok' | `${'UNAUTHENTICATED' | 'FORBIDDEN'}/${string}`;

/** The GraphQL mutation each matrix column sends. */
const MUTATION_FIELD: Record<Mutation, keyof typeof MUTATION_POLICY> = {
  publish: 'publishComponent',
  deprecate: 'deprecateComponentVersion',
  certify: 'certifyComponentVersion',
};

/**
 * Who may do what: a token of acme (the owner) or globex (another organization), with one
 * scope, against acme's public global component or its private one (in acme's scope).
 * The diagnostic code after the slash says which rule refused.
 */
const MATRIX: Array<[Token, 'own' | 'other', 'public' | 'private', Record<Mutation, Outcome>]> = [
  [
    'anonymous',
    'other',
    'public',
    { publish: 'UNAUTHENTICATED/TOKEN_REQUIRED', deprecate: 'UNAUTHENTICATED/TOKEN_REQUIRED', certify: 'UNAUTHENTICATED/TOKEN_REQUIRED' },
  ],
  [
    'anonymous',
    'other',
    'private',
    { publish: 'UNAUTHENTICATED/TOKEN_REQUIRED', deprecate: 'UNAUTHENTICATED/TOKEN_REQUIRED', certify: 'UNAUTHENTICATED/TOKEN_REQUIRED' },
  ],
  ['publish', 'own', 'public', { publish: 'ok', deprecate: 'ok', certify: 'FORBIDDEN/SCOPE_MISSING' }],
  ['publish', 'own', 'private', { publish: 'ok', deprecate: 'ok', certify: 'FORBIDDEN/SCOPE_MISSING' }],
  ['publish', 'other', 'public', { publish: 'FORBIDDEN/NOT_OWNER', deprecate: 'FORBIDDEN/NOT_OWNER', certify: 'FORBIDDEN/SCOPE_MISSING' }],
  [
    'publish',
    'other',
    'private',
    { publish: 'FORBIDDEN/NAME_SCOPE_FORBIDDEN', deprecate: 'FORBIDDEN/NAME_SCOPE_FORBIDDEN', certify: 'FORBIDDEN/SCOPE_MISSING' },
  ],
  ['certify', 'own', 'public', { publish: 'FORBIDDEN/SCOPE_MISSING', deprecate: 'FORBIDDEN/SCOPE_MISSING', certify: 'ok' }],
  ['certify', 'own', 'private', { publish: 'FORBIDDEN/SCOPE_MISSING', deprecate: 'FORBIDDEN/SCOPE_MISSING', certify: 'ok' }],
  // A certifier's record is verified against the trust store: any certify token may hand one in for a global component.
  ['certify', 'other', 'public', { publish: 'FORBIDDEN/SCOPE_MISSING', deprecate: 'FORBIDDEN/SCOPE_MISSING', certify: 'ok' }],
  ['certify', 'other', 'private', { publish: 'FORBIDDEN/SCOPE_MISSING', deprecate: 'FORBIDDEN/SCOPE_MISSING', certify: 'FORBIDDEN/NAME_SCOPE_FORBIDDEN' }],
  ['admin', 'own', 'public', { publish: 'ok', deprecate: 'ok', certify: 'ok' }],
  ['admin', 'own', 'private', { publish: 'ok', deprecate: 'ok', certify: 'ok' }],
  // Token matrix: an admin token acts on another organization's public component, never inside another organization's scope.
  ['admin', 'other', 'public', { publish: 'ok', deprecate: 'ok', certify: 'ok' }],
  [
    'admin',
    'other',
    'private',
    { publish: 'FORBIDDEN/NAME_SCOPE_FORBIDDEN', deprecate: 'FORBIDDEN/NAME_SCOPE_FORBIDDEN', certify: 'FORBIDDEN/NAME_SCOPE_FORBIDDEN' },
  ],
];

const outcome = (r: GqlResponse): string =>
  r.body.errors ? `${r.body.errors[0]?.extensions?.code}/${r.body.errors[0]?.extensions?.problems?.[0]?.code}` : 'ok';

afterAll(removeFixtures);
describe.each(databaseKinds())('authorization of every mutation (%s)', (kind) => {
  let t: TestServer;
  let fixture: FixtureCatalog;
  const tokens: Record<'acme' | 'globex', Record<Exclude<Token, 'anonymous'>, string>> = { acme: {} as never, globex: {} as never };
  const base = shippedManifest('redis', '8.2.1');
  const manifests: Record<'public' | 'private', ComponentManifest> = {
    public: derivedManifest(base, { name: 'acme-tool', version: '1.0.0' }),
    private: derivedManifest(base, { name: 'acme/vault', version: '1.0.0', aisle: 'secrets' }),
  };
  const state = async (name: string) => (await t.gql(STATE, { n: name }, tokens.acme.admin)).body.data.component;

  beforeAll(async () => {
    fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    for (const org of ['acme', 'globex'] as const) {
      for (const scope of ['publish', 'certify', 'admin'] as const) tokens[org][scope] = await t.token(org, [scope]);
    }
    for (const [visibility, m] of Object.entries(manifests)) {
      const r = await t.gql(PUBLISH, { m: stringify(m), v: visibility.toUpperCase() }, tokens.acme.publish);
      expect(r.body.data?.publishComponent.created).toBe(true);
    }
  });
  afterAll(async () => t?.stop());

  it('has a row in the policy table for each Mutation field the service serves, and the matrix covers each', async () => {
    const r = await t.gql(getIntrospectionQuery());
    const schema = (r.body.data as IntrospectionQuery).__schema;
    const mutation = schema.types.find((type) => type.name === schema.mutationType?.name) as IntrospectionObjectType;
    expect(mutation.fields.map((f) => f.name).sort()).toEqual(Object.keys(MUTATION_POLICY).sort());
    expect(Object.values(MUTATION_FIELD).sort()).toEqual(Object.keys(MUTATION_POLICY).sort());
  });

  let patch = 0;
  it.each(MATRIX)('token %s, of the %s organization, on a %s component', async (token, org, visibility, expected) => {
    const bearer = token === 'anonymous' ? undefined : tokens[org === 'own' ? 'acme' : 'globex'][token];
    const m = manifests[visibility];
    const name = m.metadata.name;
    const requests: Record<Mutation, () => Promise<GqlResponse>> = {
      publish: () => t.gql(PUBLISH, { m: stringify(derivedManifest(m, { version: `1.0.${++patch}` })) }, bearer),
      deprecate: () => t.gql(DEPRECATE, { c: name, v: '1.0.0' }, bearer),
      certify: () => t.gql(CERTIFY, { r: certificationFor(m, fixture.privateKey) }, bearer),
    };
    for (const mutation of ['publish', 'deprecate', 'certify'] as const) {
      const before = await state(name);
      const r = await requests[mutation]();
      expect([mutation, outcome(r)]).toEqual([mutation, expected[mutation]]);
      const after = await state(name);
      if (expected[mutation] !== 'ok') {
        // Refused means nothing was written.
        expect(after).toEqual(before);
        continue;
      }
      if (mutation === 'publish') expect(after.versions).toHaveLength(before.versions.length + 1);
      if (mutation === 'deprecate') expect(after.versions.find((v: { version: string }) => v.version === '1.0.0').deprecated).toBe('use another');
      if (mutation === 'certify') expect(after.versions.find((v: { version: string }) => v.version === '1.0.0').certification.level).toBe('certified');
      // Whoever acted, the component stays its owner's, with its visibility.
      expect([after.organization, after.visibility]).toEqual(['acme', visibility.toUpperCase()]);
    }
  });
});

describe.each(databaseKinds())('names scoped by organization (%s)', (kind) => {
  let t: TestServer;
  let fixture: FixtureCatalog;
  const base = shippedManifest('redis', '8.2.1');

  beforeAll(async () => {
    fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
  });
  afterAll(async () => t?.stop());

  it('keeps an admin of another organization out of a private component (issue 8, item 2)', async () => {
    const alpha = await t.token('alpha', ['publish']);
    const delta = await t.token('delta', ['admin']);
    const secret = derivedManifest(base, { name: 'alpha/secretthing', version: '1.0.0', description: 'Alpha’s own secret thing.' });
    const first = await t.gql(PUBLISH, { m: stringify(secret), v: 'PRIVATE' }, alpha);
    const digest = first.body.data.publishComponent.version.digest as string;
    const attempts = [
      derivedManifest(secret, { version: '9.9.9' }),
      secret, // the very manifest alpha published: no "created: false" with the private version
      derivedManifest(secret, { description: 'Another manifest for 1.0.0.' }), // no "already published with digest …"
    ];
    for (const m of attempts) {
      for (const v of [undefined, 'PUBLIC', 'PRIVATE']) {
        const r = await t.gql(PUBLISH, { m: stringify(m), v }, delta);
        expect(outcome(r)).toBe('FORBIDDEN/NAME_SCOPE_FORBIDDEN');
        expect(r.text).not.toContain(digest);
        expect(r.text).not.toContain('Alpha’s own secret thing');
      }
    }
    const seen = (await t.gql(STATE, { n: 'alpha/secretthing' }, alpha)).body.data.component;
    expect(seen).toMatchObject({ organization: 'alpha', visibility: 'PRIVATE', latest: { version: '1.0.0' } });
    expect(seen.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
    // The global name is another component: delta's own, public; alpha's is untouched.
    const global = await t.gql(PUBLISH, { m: stringify(derivedManifest(secret, { name: 'secretthing', version: '9.9.9' })) }, delta);
    expect(global.body.data.publishComponent).toMatchObject({ created: true, version: { name: 'secretthing', version: '9.9.9' } });
    expect((await t.gql(STATE, { n: 'secretthing' })).body.data.component).toMatchObject({ organization: 'delta', visibility: 'PUBLIC' });
    expect((await t.gql(STATE, { n: 'alpha/secretthing' }, alpha)).body.data.component.versions).toHaveLength(1);
  });

  it('answers a write into another organization’s scope from the name alone: byte for byte the same whether the component exists (issue 8, item 7)', async () => {
    const acme = await t.token('acme', ['publish']);
    const outsiders = [await t.token('globex', ['publish', 'certify']), await t.token('initech', ['admin'])];
    const vault = derivedManifest(base, { name: 'acme/vault', version: '1.0.0' });
    const probes = (token: string) => [
      () => t.gql(PUBLISH, { m: stringify(vault), v: 'PRIVATE' }, token),
      () => t.gql(PUBLISH, { m: stringify(derivedManifest(vault, { version: '2.0.0' })) }, token),
      () => t.gql(DEPRECATE, { c: 'acme/vault', v: '1.0.0' }, token),
      () => t.gql(CERTIFY, { r: certificationFor(vault, fixture.privateKey) }, token),
    ];
    const answers = async () => {
      const out: string[] = [];
      for (const token of outsiders) for (const probe of probes(token)) out.push(await probe().then((r) => `${r.status} ${r.text}`));
      return out;
    };
    const absent = await answers();
    expect(absent.every((a) => a.startsWith('200 ') && a.includes('"NAME_SCOPE_FORBIDDEN"'))).toBe(true);
    expect((await t.gql(PUBLISH, { m: stringify(vault), v: 'PRIVATE' }, acme)).body.data.publishComponent.created).toBe(true);
    expect(await answers()).toEqual(absent);
    // And nothing in them says whether acme/vault exists: the wording is the same for a name nobody holds.
    const nothing = await t.gql(DEPRECATE, { c: 'acme/nothing', v: '1.0.0' }, outsiders[0]);
    expect(nothing.text.replaceAll('acme/nothing', 'acme/vault')).toBe(absent[2]!.slice(4));
  });

  it('puts a private component in its organization’s scope, and leaves global names public', async () => {
    const acme = await t.token('acme', ['publish']);
    const unscoped = await t.gql(PUBLISH, { m: stringify(derivedManifest(base, { name: 'acme-secret', version: '1.0.0' })), v: 'PRIVATE' }, acme);
    expect(outcome(unscoped)).toBe('BAD_USER_INPUT/NAME_SCOPE_REQUIRED');
    expect(unscoped.body.errors?.[0]?.extensions?.problems?.[0]).toMatchObject({
      path: 'metadata.name',
      message: "a private component lives in its organization's scope: name it acme/acme-secret (global names are public)",
    });
    expect((await t.gql(STATE, { n: 'acme-secret' }, acme)).body.data.component).toBeNull();
    // A scoped component may be public: everyone sees it, only its organization publishes to it.
    const shared = derivedManifest(base, { name: 'acme/shared', version: '1.0.0' });
    expect((await t.gql(PUBLISH, { m: stringify(shared) }, acme)).body.data.publishComponent.created).toBe(true);
    expect((await t.gql(STATE, { n: 'acme/shared' })).body.data.component).toMatchObject({ organization: 'acme', visibility: 'PUBLIC' });
    const globex = await t.token('globex', ['admin']);
    expect(outcome(await t.gql(PUBLISH, { m: stringify(derivedManifest(shared, { version: '1.1.0' })) }, globex))).toBe('FORBIDDEN/NAME_SCOPE_FORBIDDEN');
    // The longest name fits on every database: a 63-character scope, `/`, a 40-character label.
    const longest = `${'o'.repeat(63)}/${'v'.repeat(40)}`;
    const long = await t.gql(PUBLISH, { m: stringify(derivedManifest(base, { name: longest })), v: 'PRIVATE' }, await t.token('o'.repeat(63), ['publish']));
    expect(long.body.data?.publishComponent).toMatchObject({ created: true, version: { name: longest } });
    // A bad name is a sentence, never a pattern.
    const bad = await t.gql(PUBLISH, { m: stringify(derivedManifest(base, { name: 'acme/../vault' })) }, acme);
    expect(bad.body.errors?.[0]?.extensions?.problems?.[0]).toMatchObject({ code: 'SCHEMA_VIOLATION', path: 'metadata.name' });
    expect(bad.text).not.toContain('[a-z');
  });

  it('resolves scoped names in validateInputs and compose with the viewer’s visibility', async () => {
    const acme = await t.token('acme', []);
    const publisher = await t.token('acme', ['publish']);
    const m = derivedManifest(shippedManifest('postgresql', '16.10.0'), { name: 'acme/db', version: '1.2.0' });
    expect((await t.gql(PUBLISH, { m: stringify(m), v: 'PRIVATE' }, publisher)).body.data.publishComponent.created).toBe(true);
    const app = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: acme/db@^1, inputs: { database: shop } }\n';
    const COMPOSE = 'query C($app: String!, $t: Target) { compose(app: $app, target: $t) { files { path } lock } }';
    for (const target of ['COMPOSE', 'KUBERNETES', 'HELM']) {
      const r = await t.gql(COMPOSE, { app, t: target }, acme);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.compose.lock).toContain('component: acme/db');
      // The scope never reaches a path: files are named after instances.
      for (const f of r.body.data.compose.files as Array<{ path: string }>) expect(f.path).not.toMatch(/acme/);
    }
    expect(outcome(await t.gql(COMPOSE, { app }))).toBe('NOT_FOUND/COMPONENT_NOT_FOUND');
    expect(
      (await t.gql('{ validateInputs(component: "acme/db", range: "^1", inputs: { database: "shop" }) { valid version } }', undefined, acme)).body.data
        .validateInputs,
    ).toEqual({
      valid: true,
      version: '1.2.0',
    });
  });
});

const PUBLISH_ONLY = 'mutation P($m: String!) { publishComponent(manifest: $m) { created version { digest } } }';

describe.each(databaseKinds())('two publishes of one name@version with different manifests at once (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { catalogDir: undefined });
  });
  afterAll(async () => t?.stop());

  it('one wins, the others get ALREADY_PUBLISHED naming the winner’s digest; never a 500 or a half-written version', async () => {
    const acme = await t.token('acme', ['publish']);
    const base = shippedManifest('redis', '8.2.1');
    for (let round = 0; round < 12; round += 1) {
      // Half the rounds race to create the component too; the other half add a version to one that exists.
      const name = round % 2 === 0 ? `acme/race-${round}` : `race-${round}`;
      if (round % 2 === 1) await t.gql(PUBLISH_ONLY, { m: stringify(derivedManifest(base, { name, version: '0.1.0' })) }, acme);
      const contenders = [1, 2, 3, 4].map((i) => derivedManifest(base, { name, version: '1.0.0', description: `Contender ${i}.` }));
      const answers = await Promise.all(contenders.map((m) => t.gql(PUBLISH_ONLY, { m: stringify(m) }, acme)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const won = answers.filter((a) => a.body.data?.publishComponent?.created === true);
      expect(won).toHaveLength(1);
      const digest = won[0]!.body.data.publishComponent.version.digest as string;
      for (const lost of answers.filter((a) => a !== won[0])) {
        expect(outcome(lost)).toBe('ALREADY_PUBLISHED/ALREADY_PUBLISHED');
        expect(lost.body.errors?.[0]?.message).toContain(digest);
      }
      const stored = (await t.gql(STATE, { n: name }, acme)).body.data.component;
      expect(stored.versions.filter((v: { version: string }) => v.version === '1.0.0')).toEqual([expect.objectContaining({ digest })]);
      expect(stored.versions).toHaveLength(round % 2 === 0 ? 1 : 2);
    }
  });
});

describe.each(databaseKinds())('publishes racing to create one component (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { catalogDir: undefined });
  });
  afterAll(async () => t?.stop());

  const base = shippedManifest('redis', '8.2.1');
  const versionsOf = async (name: string, token: string) =>
    ((await t.gql(STATE, { n: name }, token)).body.data.component?.versions ?? []).map((v: { version: string }) => v.version).sort();

  it('different versions of a new component from one organization at once: every one is published, none a 500', async () => {
    const acme = await t.token('acme', ['publish']);
    for (let round = 0; round < 12; round += 1) {
      const name = round % 2 === 0 ? `acme/new-${round}` : `new-${round}`;
      const versions = ['1.0.0', '1.1.0', '1.2.0', '2.0.0'];
      const answers = await Promise.all(versions.map((version) => t.gql(PUBLISH_ONLY, { m: stringify(derivedManifest(base, { name, version })) }, acme)));
      expect(answers.map((a) => [a.status, outcome(a)])).toEqual(versions.map(() => [200, 'ok']));
      expect(answers.every((a) => a.body.data.publishComponent.created === true)).toBe(true);
      expect(await versionsOf(name, acme)).toEqual(versions);
    }
  });

  it('two organizations creating one global name at once: one owns it, the other gets NOT_OWNER on metadata.name, never a 500', async () => {
    const tokens = [await t.token('acme', ['publish']), await t.token('globex', ['publish'])];
    for (let round = 0; round < 12; round += 1) {
      const name = `contested-${round}`;
      // Same version or not, the loser must be refused as the policy refuses a second comer.
      const versions = round % 2 === 0 ? ['1.0.0', '1.0.0'] : ['1.0.0', '1.1.0'];
      const answers = await Promise.all(
        tokens.map((token, i) => t.gql(PUBLISH_ONLY, { m: stringify(derivedManifest(base, { name, version: versions[i]! })) }, token)),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const won = answers.filter((a) => a.body.data?.publishComponent?.created === true);
      expect(won).toHaveLength(1);
      const lost = answers.find((a) => a !== won[0])!;
      expect(outcome(lost)).toBe('FORBIDDEN/NOT_OWNER');
      expect(lost.body.errors?.[0]?.extensions?.problems?.[0]).toMatchObject({ path: 'metadata.name' });
      expect(lost.text).not.toContain('meanwhile');
      expect(await versionsOf(name, tokens[0]!)).toEqual([versions[answers.indexOf(won[0]!)]]);
    }
  });
});
