import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestDigest, type ComponentManifest } from '../../libs/manifest/index.js';
import { derivedManifest, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// What `aisle login` and `aisle … --registry` need from the service: who a token is, and manifests a client can check.
afterAll(removeFixtures);
describe.each(databaseKinds())('Query.viewer and ComponentVersion.manifest (%s)', (kind) => {
  let db: TestDatabase;
  let t: TestServer;
  let acme: string;
  // Keys deliberately out of alphabetical order: the order inputs and outputs are shown in.
  const manifest = derivedManifest(shippedManifest('postgresql', '16.10.0'), { name: 'acme/vault', version: '1.0.0', aisle: 'secrets' });
  const text = `${JSON.stringify(manifest)}\n`;

  beforeAll(async () => {
    db = await testDatabase(kind);
    t = await startTestServer(kind, { catalogDir: undefined }, db);
    acme = await t.token('acme', ['publish']);
    const r = await t.gql('mutation P($m: String!) { publishComponent(manifest: $m, visibility: PRIVATE) { created } }', { m: text }, acme);
    expect(r.body.data.publishComponent.created).toBe(true);
  });
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  it('viewer names the token’s organization and scopes, and nobody without a token', async () => {
    expect((await t.gql('{ viewer { organization scopes } }', undefined, acme)).body).toEqual({
      data: { viewer: { organization: 'acme', scopes: ['publish'] } },
    });
    expect((await t.gql('{ viewer { organization scopes } }')).body).toEqual({ data: { viewer: { organization: null, scopes: [] } } });
    const bad = await t.gql('{ viewer { organization } }', undefined, 'aisle_nope');
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('manifest is the published manifest, whose canonical digest is `digest`, in its key order even after a restart', async () => {
    const query = '{ component(name: "acme/vault") { latest { digest manifest } } }';
    const before = (await t.gql(query, undefined, acme)).body.data.component.latest;
    expect(before.manifest).toEqual(manifest);
    expect(manifestDigest(before.manifest as ComponentManifest)).toBe(before.digest);
    await t.server.close();
    t = await startTestServer(kind, { catalogDir: undefined }, db);
    const after = (await t.gql(query, undefined, acme)).body.data.component.latest;
    expect(JSON.stringify(after.manifest)).toBe(JSON.stringify(parse(text)));
    expect(after.digest).toBe(before.digest);
    // Private stays private: the manifest travels only with a version the caller may see.
    expect((await t.gql(query)).body.data.component).toBeNull();
  });
});
