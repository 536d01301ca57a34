import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedManifest, fixtureCatalog, shippedManifest, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const LIST = '{ components(first: 100) { totalCount nodes { name latest { version } } } }';

afterAll(removeFixtures);
describe.each(databaseKinds())('the response cache (%s)', (kind) => {
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    db = await testDatabase(kind);
    const fixture = fixtureCatalog();
    // Two instances over one database, as behind a load balancer.
    a = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir }, db);
    b = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir }, db);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  async function raw(t: TestServer, query: string, variables?: unknown, token?: string) {
    const r = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { cache: r.headers.get('x-aisle-cache'), body: (await r.json()) as { data: any; errors?: unknown[] } };
  }

  it('answers a repeated anonymous browse query from memory, and sees every write at once, on every instance', async () => {
    await raw(b, LIST);
    const cached = await raw(b, LIST);
    expect(cached.cache).toBe('hit');
    const before = cached.body.data.components.totalCount;
    const token = await a.token('acme', ['publish']);
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'acme-fresh', version: '1.0.0' });
    const published = await raw(a, 'mutation P($m: String!) { publishComponent(manifest: $m) { created } }', { m: stringify(m) }, token);
    expect(published.body.data.publishComponent.created).toBe(true);
    // Instance b did not see the write go by; the generation in the database tells it.
    const after = await raw(b, LIST);
    expect(after.cache).toBeNull();
    expect(after.body.data.components.totalCount).toBe(before + 1);
    const deprecated = await raw(
      a,
      'mutation { deprecateComponentVersion(component: "acme-fresh", version: "1.0.0", reason: "gone") { version } }',
      undefined,
      token,
    );
    expect(deprecated.body.errors).toBeUndefined();
    const shown = await raw(b, '{ component(name: "acme-fresh") { versions { deprecated } } }');
    expect(shown.body.data.component.versions[0].deprecated).toBe('gone');
  });

  it('answers a number JSON cannot carry (1e309) the same with and without a cached answer for null', async () => {
    const query = 'query N($n: Int) { components(first: $n) { totalCount } }';
    const send = async (t: TestServer, n: string) => {
      const r = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query": ${JSON.stringify(query)}, "variables": {"n": ${n}}}`,
      });
      return {
        status: r.status,
        cache: r.headers.get('x-aisle-cache'),
        body: (await r.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> },
      };
    };
    // Cold on instance a: 1e309 first, then null; warm on instance b: null first, then 1e309.
    const coldInfinity = await send(a, '1e309');
    const coldNull = await send(a, 'null');
    await send(b, 'null');
    const warmNull = await send(b, 'null');
    const warmInfinity = await send(b, '1e309');
    expect(warmNull.cache).toBe('hit');
    expect(coldNull.body.data).toEqual(warmNull.body.data);
    for (const r of [coldInfinity, warmInfinity]) {
      expect(r.status).toBe(400);
      expect(r.cache).toBeNull();
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    }
    expect(warmInfinity.body).toEqual(coldInfinity.body);
    expect((await send(a, '-1e309')).status).toBe(400);
  });

  it('never caches compose (its secrets are generated per answer), nor requests with a token', async () => {
    const app = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: postgresql }\n';
    const query = 'query C($app: String!) { compose(app: $app) { files { path content } } }';
    const first = await raw(a, query, { app });
    const second = await raw(a, query, { app });
    expect(second.cache).toBeNull();
    expect(first.body.errors).toBeUndefined();
    expect(JSON.stringify(second.body.data)).not.toBe(JSON.stringify(first.body.data));
    const token = await a.token('acme', []);
    await raw(a, LIST, undefined, token);
    expect((await raw(a, LIST, undefined, token)).cache).toBeNull();
  });
});
