import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../apps/api/src/catalog/component-cursor.js';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PUBLISH = 'mutation P($m: String!, $v: Visibility) { publishComponent(manifest: $m, visibility: $v) { created } }';
const BROWSE = `query B($after: String) {
  aisles { name components }
  components(first: 100, after: $after) { totalCount nodes { name } }
}`;
const ONE = 'query C($n: String!) { component(name: $n) { name latest { version } versions { version } } }';

afterAll(removeFixtures);

// Each service holds the catalog in memory (the read model) and checks the database's generation per request: what one
// instance writes, another sharing the database must show on its next request, and a private component must be in no
// other organization's view of what is held. The response cache is off, so every answer comes from the read model.
describe.each(databaseKinds())('the read model over a shared database (%s)', (kind) => {
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  const tokens: Record<string, string> = {};

  async function publish(name: string, version: string, visibility: 'PUBLIC' | 'PRIVATE', aisle?: string): Promise<void> {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name, version, aisle });
    const r = await a.gql(PUBLISH, { m: stringify(m), v: visibility }, tokens.acme);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  }

  async function browse(t: TestServer, token?: string, after?: string): Promise<{ aisles: Record<string, number>; names: string[]; total: number }> {
    const r = await t.gql(BROWSE, after === undefined ? {} : { after }, token);
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data;
    return {
      aisles: Object.fromEntries(d.aisles.map((x: { name: string; components: number }) => [x.name, x.components])),
      names: d.components.nodes.map((n: { name: string }) => n.name),
      total: d.components.totalCount,
    };
  }

  beforeAll(async () => {
    db = await testDatabase(kind);
    const fixture = fixtureCatalog();
    a = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir, responseCache: false }, db);
    b = await startTestServer(kind, { catalogDir: undefined, trustDir: fixture.trustDir, responseCache: false }, db);
    tokens.acme = await a.token('acme', ['publish']);
    tokens.globex = await a.token('globex', ['publish']);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('shows on a second instance what the first one published, on its next request', async () => {
    const before = await browse(b);
    expect(before.names).toContain('redis');
    expect(before.names).not.toContain('widget');

    await publish('widget', '1.0.0', 'PUBLIC', 'devtools');
    const after = await browse(b);
    expect(after.names).toEqual([...before.names, 'widget'].sort());
    expect(after.total).toBe(before.total + 1);
    expect(after.aisles.devtools).toBe(1);
    expect((await b.gql(ONE, { n: 'widget' })).body.data.component.latest.version).toBe('1.0.0');

    // A new version of a component the second instance already holds, versions and all.
    await publish('widget', '1.1.0', 'PUBLIC', 'devtools');
    const widget = (await b.gql(ONE, { n: 'widget' })).body.data.component;
    expect(widget.latest.version).toBe('1.1.0');
    expect(widget.versions.map((v: { version: string }) => v.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('never shows a private component to another organization or to anonymous callers, and always to its own', async () => {
    // Both instances hold the catalog before the private component arrives, and after.
    await browse(b);
    await publish('acme/secret', '1.0.0', 'PRIVATE', 'secrets');
    const acme = await browse(b, tokens.acme);
    expect(acme.names).toContain('acme/secret');
    expect(acme.aisles.secrets).toBe(1);
    expect((await b.gql(ONE, { n: 'acme/secret' }, tokens.acme)).body.data.component.latest.version).toBe('1.0.0');

    for (const [who, token] of [
      ['anonymous', undefined],
      ['globex', tokens.globex],
    ] as const) {
      for (const t of [a, b]) {
        const seen = await browse(t, token);
        expect(seen.names, who).not.toContain('acme/secret');
        expect(seen.aisles.secrets, who).toBeUndefined();
        expect(seen.total, who).toBe(acme.total - 1);
        expect((await t.gql(ONE, { n: 'acme/secret' }, token)).body.data.component, who).toBeNull();
        const onAisle = await t.gql('{ components(aisle: "secrets") { totalCount nodes { name } } }', undefined, token);
        expect(onAisle.body, who).toEqual({ data: { components: { totalCount: 0, nodes: [] } } });
        // A cursor naming the private component pages on as the database would (names after it), without it.
        const page = await browse(t, token, encodeCursor('acme/secret'));
        const after = acme.names.slice(acme.names.indexOf('acme/secret') + 1);
        expect(page.names, who).toEqual(after);
      }
    }
  });
});
