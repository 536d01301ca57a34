import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTargetAvailable, type Target } from '../../libs/render/index.js';
import { fixtureCatalog, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PAGE = `query Page($first: Int, $after: String, $aisle: String, $search: String, $certifiedOnly: Boolean) {
  components(first: $first, after: $after, aisle: $aisle, search: $search, certifiedOnly: $certifiedOnly) {
    totalCount
    edges { cursor node { name aisle } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

afterAll(removeFixtures);
describe.each(databaseKinds())('browsing over HTTP (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
  });
  afterAll(async () => t?.stop());

  it('lists aisles with component counts', async () => {
    const r = await t.gql('{ aisles { name components } }');
    expect(r.status).toBe(200);
    expect(r.body.data.aisles).toEqual([
      { name: 'cache', components: 1 },
      { name: 'database', components: 1 },
      { name: 'web', components: 1 },
    ]);
  });

  it('pages through components with stable opaque cursors', async () => {
    const first = await t.gql(PAGE, { first: 2 });
    const page1 = first.body.data.components;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['nginx', 'postgresql']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.pageInfo.endCursor).not.toContain('postgresql');
    const page2 = (await t.gql(PAGE, { first: 2, after: page1.pageInfo.endCursor })).body.data.components;
    expect(page2.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['redis']);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const again = (await t.gql(PAGE, { first: 2 })).body.data.components;
    expect(again.pageInfo.endCursor).toBe(page1.pageInfo.endCursor);
  });

  it('filters by aisle, free text and certification', async () => {
    const names = async (vars: Record<string, unknown>) =>
      (await t.gql(PAGE, vars)).body.data.components.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(await names({ aisle: 'database' })).toEqual(['postgresql']);
    expect(await names({ search: 'relational SQL' })).toEqual(['postgresql']);
    expect(await names({ search: 'no-such-words-here' })).toEqual([]);
    expect(await names({ certifiedOnly: true })).toEqual(['redis']);
  });

  it('refuses a cursor it did not give out and a page size out of range', async () => {
    const bad = await t.gql(PAGE, { after: 'bm90LWEtY3Vyc29y' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.extensions?.problems?.[0]?.path).toBe('after');
    const big = await t.gql(PAGE, { first: 1000 });
    expect(big.body.errors?.[0]?.extensions?.problems?.[0]?.path).toBe('first');
  });

  it('answers a mistyped aisle as the CLI does: an error naming the closest aisle; an empty known aisle is no error', async () => {
    const typo = await t.gql(PAGE, { aisle: 'databse' });
    expect(typo.body.data).toBeNull();
    expect(typo.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(typo.body.errors?.[0]?.extensions?.problems).toEqual([
      { code: 'AISLE_UNKNOWN', path: 'aisle', message: 'there is no aisle named "databse" (did you mean "database"?)' },
    ]);
    const empty = await t.gql(PAGE, { aisle: 'secrets' });
    expect(empty.body.errors).toBeUndefined();
    expect(empty.body.data.components.totalCount).toBe(0);
    const described = await t.gql('{ aisles { name description } }');
    expect(described.body.data.aisles[0]).toEqual({ name: 'cache', description: expect.stringMatching(/^In-memory key-value stores/) });
  });

  it('shows a component: latest, versions, a range, inputs and certification', async () => {
    const r = await t.gql(`{
      component(name: "postgresql") {
        name aisle organization visibility
        latest { version digest image deprecated inputs { name type required default secret description enum } inputsSchema outputs { name } provides certification { level verified } }
        versions { version deprecated }
        old: version(range: "~16.9") { version deprecated }
        none: version(range: "^99") { version }
      }
      redis: component(name: "redis") { latest { certification { level certifier issuedAt verified } } }
      missing: component(name: "no-such-component") { name }
    }`);
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.component;
    expect(c).toMatchObject({ name: 'postgresql', aisle: 'database', organization: 'aisle', visibility: 'PUBLIC' });
    expect(c.latest.version).toBe('16.10.0');
    expect(c.latest.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(c.latest.image).toContain('postgres');
    expect(c.latest.provides).toEqual(['postgresql']);
    expect(c.versions).toEqual([
      { version: '16.10.0', deprecated: null },
      { version: '16.9.0', deprecated: 'use 16.10.0' },
    ]);
    expect(c.old).toEqual({ version: '16.9.0', deprecated: 'use 16.10.0' });
    expect(c.none).toBeNull();
    const password = c.latest.inputs.find((i: { name: string }) => i.name === 'password');
    expect(password).toMatchObject({ type: 'string', secret: true, default: null });
    expect(c.latest.inputs[0]).toMatchObject({ name: 'database', required: true, default: 'app' });
    expect(c.latest.inputsSchema.properties.password.writeOnly).toBe(true);
    expect(c.latest.certification).toEqual({ level: 'uncertified', verified: false });
    expect(r.body.data.redis.latest.certification).toMatchObject({ level: 'certified', verified: true, certifier: 'test-certifier' });
    expect(r.body.data.missing).toBeNull();
  });

  it('validates inputs and names each bad input', async () => {
    const query =
      'query V($inputs: JSONObject!) { validateInputs(component: "postgresql", range: "^16", inputs: $inputs) { valid version errors { path message code } } }';
    const ok = await t.gql(query, { inputs: { database: 'shop' } });
    expect(ok.body.data.validateInputs).toEqual({ valid: true, version: '16.10.0', errors: [] });
    const bad = await t.gql(query, { inputs: { database: '1-bad name', colour: 'blue' } });
    const v = bad.body.data.validateInputs;
    expect(v.valid).toBe(false);
    expect(v.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'database']);
    const unknown = await t.gql('{ validateInputs(component: "nope", inputs: {}) { valid } }');
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('composes an app spec into a bundle with a lock', async () => {
    const app = [
      'apiVersion: aisle.dev/v1',
      'kind: App',
      'metadata: { name: shop }',
      'instances:',
      '  db:',
      '    component: postgresql@^16',
      '    inputs: { database: shop }',
      '',
    ].join('\n');
    const r = await t.gql('query C($app: String!) { compose(app: $app, target: COMPOSE) { files { path content } lock warnings { path message } } }', { app });
    expect(r.body.errors).toBeUndefined();
    const bundle = r.body.data.compose;
    expect(bundle.files.map((f: { path: string }) => f.path)).toContain('aisle.lock');
    expect(bundle.lock).toContain('postgresql');
    expect(bundle.lock).toContain('16.10.0');
    const broken = await t.gql('query C($app: String!) { compose(app: $app) { lock } }', { app: app.replace('^16', '^99') });
    expect(broken.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(broken.body.errors?.[0]?.extensions?.problems?.[0]?.path).toBe('db.component');
    for (const target of ['KUBERNETES', 'HELM'] as const) {
      const other = await t.gql('query C($app: String!, $target: Target) { compose(app: $app, target: $target) { files { path } lock } }', { app, target });
      if (isTargetAvailable(target.toLowerCase() as Target)) {
        expect(other.body.errors).toBeUndefined();
        expect(other.body.data.compose.lock).toContain(`target: ${target.toLowerCase()}`);
      } else expect(other.body.errors?.[0]?.extensions?.problems?.[0]?.path).toBe('target');
    }
    const invalid = await t.gql('query C($app: String!) { compose(app: $app) { lock } }', { app: 'kind: [' });
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: true, catalog: true });
  });
});
