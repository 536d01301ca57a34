import { Client } from 'pg';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenStore } from '../../apps/api/src/auth/token-store.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { MIGRATIONS } from '../../apps/api/src/database/database-options.js';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest } from '../api/support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from '../api/support/test-databases.js';
import { startBuiltServer, urlWithSchema, type BuiltServer } from './support/built-server.js';
import { readStoredCatalog } from './support/catalog-integrity.js';
import { gql, PUBLISH } from './support/graphql.js';

const BROWSE = '{ components(first: 50) { nodes { name latest { version } } } aisles { name components } }';
const COMPONENT = 'query C($n: String!) { component(name: $n) { name organization latest { version digest } } }';
const names = (r: Awaited<ReturnType<typeof gql>>) => r.body.data.components.nodes.map((n: { name: string }) => n.name);
const code = (r: Awaited<ReturnType<typeof gql>>) => r.body.errors?.[0]?.extensions?.code;

describe.skipIf(!databaseKinds().includes('postgres'))('three service processes on one PostgreSQL schema', () => {
  let db: TestDatabase;
  let servers: BuiltServer[] = [];
  const tokens: Record<'alpha' | 'alphaReader' | 'beta', string> = { alpha: '', alphaReader: '', beta: '' };
  const base = shippedManifest('redis', '8.2.1');

  beforeAll(async () => {
    db = await testDatabase('postgres');
    // A fresh, empty schema: the three start at once, so they race to migrate it and to ingest the catalog.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${db.schema}"`);
    await admin.end();
    const fixture = fixtureCatalog();
    const env = { DATABASE_URL: urlWithSchema(db.url, db.schema!), AISLE_CATALOG: fixture.catalogDir, AISLE_TRUST_DIR: fixture.trustDir };
    servers = await Promise.all([startBuiltServer(env), startBuiltServer(env), startBuiltServer(env)]);
    const ds = await createDataSource({ url: db.url, schema: db.schema });
    const store = new TokenStore(ds);
    tokens.alpha = (await store.create('alpha', ['publish'])).token;
    tokens.alphaReader = (await store.create('alpha', [])).token;
    tokens.beta = (await store.create('beta', ['publish'])).token;
    await ds.destroy();
  }, 90_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
    removeFixtures();
  });

  it('start together on one fresh schema: migrated once, the catalog ingested once, all three ready and alike', async () => {
    for (const s of servers) expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    const answers = await Promise.all(servers.map((s) => gql(s.url, BROWSE)));
    expect(names(answers[0]!)).toEqual(['nginx', 'postgresql', 'redis']);
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    const ds = await createDataSource({ url: db.url, schema: db.schema });
    try {
      const stored = await readStoredCatalog(ds, db.schema);
      expect([...stored.versions.values()].reduce((n, v) => n + v.size, 0)).toBe(4);
      expect(stored.problems).toEqual([]);
      expect(await ds.query(`SELECT name FROM "${db.schema}".migrations ORDER BY id`)).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });

  it('a publish on one is answered by the others on their very next request, cached answers included', async () => {
    const [a, b, c] = servers as [BuiltServer, BuiltServer, BuiltServer];
    for (const s of [b, c]) {
      await gql(s.url, BROWSE);
      const warm = await gql(s.url, BROWSE);
      expect(warm.headers.get('x-aisle-cache')).toBe('hit');
      expect(names(warm)).not.toContain('replica-web');
    }
    const published = await gql(a.url, PUBLISH, { m: stringify(derivedManifest(base, { name: 'replica-web', version: '1.0.0' })) }, tokens.alpha);
    expect(published.body.errors).toBeUndefined();
    for (const s of [b, c]) {
      const next = await gql(s.url, BROWSE);
      expect(next.headers.get('x-aisle-cache')).not.toBe('hit');
      expect(names(next)).toContain('replica-web');
      expect((await gql(s.url, COMPONENT, { n: 'replica-web' })).body.data.component.latest.version).toBe('1.0.0');
    }
    // And the other way round: a new version published on C is the latest on A and B at once.
    await gql(a.url, COMPONENT, { n: 'replica-web' });
    expect(
      (await gql(c.url, PUBLISH, { m: stringify(derivedManifest(base, { name: 'replica-web', version: '1.1.0' })) }, tokens.alpha)).body.errors,
    ).toBeUndefined();
    for (const s of [a, b]) expect((await gql(s.url, COMPONENT, { n: 'replica-web' })).body.data.component.latest.version).toBe('1.1.0');
    const latest = await Promise.all(servers.map((s) => gql(s.url, BROWSE)));
    for (const r of latest) expect(r.body).toEqual(latest[0]!.body);
  });

  it('keeps a private component private on all three, whichever published it and whichever cached what', async () => {
    const [a, b, c] = servers as [BuiltServer, BuiltServer, BuiltServer];
    for (const s of servers) await gql(s.url, BROWSE);
    const secret = derivedManifest(base, { name: 'alpha/secret', version: '1.0.0' });
    const published = await gql(b.url, PUBLISH, { m: stringify(secret), v: 'PRIVATE' }, tokens.alpha);
    expect(published.body.errors).toBeUndefined();
    for (const s of [a, b, c]) {
      for (const outsider of [undefined, tokens.beta]) {
        expect((await gql(s.url, COMPONENT, { n: 'alpha/secret' }, outsider)).body.data.component).toBeNull();
        expect(names(await gql(s.url, BROWSE, undefined, outsider))).not.toContain('alpha/secret');
      }
      expect((await gql(s.url, COMPONENT, { n: 'alpha/secret' }, tokens.alphaReader)).body.data.component).toMatchObject({
        organization: 'alpha',
        latest: { version: '1.0.0' },
      });
      expect(names(await gql(s.url, BROWSE, undefined, tokens.alphaReader))).toContain('alpha/secret');
    }
  });

  it('two different manifests for one name@version sent at once to two instances: one wins, the other is ALREADY_PUBLISHED', async () => {
    const [a, b] = servers as [BuiltServer, BuiltServer];
    expect(
      (await gql(a.url, PUBLISH, { m: stringify(derivedManifest(base, { name: 'replica-race', version: '1.0.0' })) }, tokens.alpha)).body.errors,
    ).toBeUndefined();
    // An existing component, then a new one (whose row both requests try to create).
    for (const [name, version] of [
      ['replica-race', '2.0.0'],
      ['replica-new', '1.0.0'],
    ] as const) {
      const sent = ['first', 'second'].map((word) => derivedManifest(base, { name, version, description: `The ${word} manifest.` }));
      const answers = await Promise.all([
        gql(a.url, PUBLISH, { m: stringify(sent[0]) }, tokens.alpha),
        gql(b.url, PUBLISH, { m: stringify(sent[1]) }, tokens.alpha),
      ]);
      const won = answers.filter((r) => !r.body.errors);
      expect(won, JSON.stringify(answers.map((r) => r.body))).toHaveLength(1);
      expect(answers.filter((r) => code(r) === 'ALREADY_PUBLISHED')).toHaveLength(1);
      const digest = won[0]!.body.data.publishComponent.version.digest;
      for (const s of servers) expect((await gql(s.url, COMPONENT, { n: name })).body.data.component.latest).toEqual({ version, digest });
    }
  });
});
