import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { UNCERTIFIED, type ComponentVersion } from '../../libs/catalog/index.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { ANONYMOUS } from '../../apps/api/src/auth/viewer.js';
import { CatalogRepository } from '../../apps/api/src/catalog/catalog.repository.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { derivedManifest, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';

// The trigram index follows every write of a component's search text: a publish, a deprecation that moves the
// latest version, a row deleted (nothing deletes today; an operator might).
describe.each(databaseKinds())('the search index after each write (%s)', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let repository: CatalogRepository;
  const version = (number: string, description: string): ComponentVersion => {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'sync-probe', version: number, description });
    return { name: 'sync-probe', version: number, digest: manifestDigest(m), manifest: m, source: 'test', certification: UNCERTIFIED };
  };
  const found = async (search: string) => (await repository.page(ANONYMOUS, { search }, undefined, 20)).components.map((c) => c.name);

  beforeAll(async () => {
    db = await testDatabase(kind);
    ds = await createDataSource({ url: db.url, schema: db.schema });
    repository = new CatalogRepository(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds the latest version’s words, whatever moved it, and nothing once the row is gone', async () => {
    const id = await repository.insertVersion(version('1.0.0', 'Speaks oldword.'), { organization: 'test', visibility: 'public' });
    expect(await found('oldword')).toEqual(['sync-probe']);
    await repository.insertVersion(version('2.0.0', 'Speaks newword.'), { componentId: id, organization: 'test', visibility: 'public' });
    expect(await found('newword')).toEqual(['sync-probe']);
    expect(await found('oldword')).toEqual([]);

    const newest = (await repository.versionsOf([id])).get(id)!.find((v) => v.version === '2.0.0')!;
    await repository.setDeprecated(newest.id, id, 'use 1.0.0');
    expect(await found('oldword')).toEqual(['sync-probe']);
    expect(await found('newword')).toEqual([]);

    const table = (name: string) => (kind === 'postgres' ? `"${db.schema}"."${name}"` : name);
    await ds.query(`DELETE FROM ${table('component_version')} WHERE component_id = ${id}`);
    await ds.query(`DELETE FROM ${table('component')} WHERE id = ${id}`);
    expect(await found('oldword')).toEqual([]);
    expect(await found('sync')).toEqual([]);
    // FTS5 checks its index against the component table: nothing left behind, nothing missing.
    if (kind === 'sqlite') await ds.query("INSERT INTO component_search(component_search, rank) VALUES ('integrity-check', 1)");
  });
});
