import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCERTIFIED } from '../../libs/catalog/index.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { CatalogRepository } from '../../apps/api/src/catalog/catalog.repository.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { QueryCounter } from '../../apps/api/src/database/query-counter.js';
import { derivedManifest, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PAGE = `query Page($first: Int) {
  components(first: $first) {
    edges { cursor node { name aisle latest { version digest inputs { name type required default secret } certification { level verified certifier } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe.each(databaseKinds())('SQL per page (%s)', (kind) => {
  let db: TestDatabase;
  let t: TestServer;
  const counter = new QueryCounter();

  beforeAll(async () => {
    db = await testDatabase(kind);
    const ds = await createDataSource({ url: db.url, schema: db.schema });
    const repository = new CatalogRepository(ds);
    const base = shippedManifest('redis', '8.2.1');
    // 60 components with two versions each: a page of 50 really holds 50 components and 100 versions.
    for (let i = 0; i < 60; i++) {
      let componentId: number | undefined;
      for (const version of ['1.0.0', '1.1.0']) {
        const m = derivedManifest(base, { name: `load-${String(i).padStart(2, '0')}`, version });
        // The first version creates the component; the second is added to it.
        componentId = await repository.insertVersion(
          { name: m.metadata.name, version, digest: manifestDigest(m), manifest: m, source: 'test', certification: UNCERTIFIED },
          { componentId, organization: 'load', visibility: 'public' },
        );
      }
    }
    await ds.destroy();
    t = await startTestServer(kind, { catalogDir: undefined, queryCounter: counter }, db);
  });
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  async function queriesFor(first: number): Promise<number> {
    counter.reset();
    const r = await t.gql(PAGE, { first });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.components.edges).toHaveLength(first);
    expect(r.body.data.components.edges[0].node.latest.version).toBe('1.1.0');
    return counter.count;
  }

  it('costs the same small number of queries for 5 or 50 components', async () => {
    // The read model reads the component list once per catalog generation (two queries, after the generation check), on
    // the first request that needs it: an empty page pays for that first, so what follows counts what a page costs.
    counter.reset();
    expect((await t.gql(PAGE, { first: 0 })).body.errors).toBeUndefined();
    expect(counter.count).toBeLessThanOrEqual(3);
    const small = await queriesFor(5);
    const large = await queriesFor(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(3);
  });

  it('answers a page it answered before in this generation with the generation check alone', async () => {
    await queriesFor(50);
    // PostgreSQL counts the generation check; on SQLite it is a prepared statement outside TypeORM's logger.
    expect(await queriesFor(50)).toBeLessThanOrEqual(kind === 'postgres' ? 1 : 0);
  });
});
