import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogIndex, MAX_SEARCH_WORD_LENGTH, UNCERTIFIED, type ComponentVersion } from '../../libs/catalog/index.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { ANONYMOUS } from '../../apps/api/src/auth/viewer.js';
import { CatalogRepository } from '../../apps/api/src/catalog/catalog.repository.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import type { DataSource } from 'typeorm';
import { derivedManifest, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';

// GraphQL refuses a search of more than 200 characters (hostile-documents.spec.ts); the repository, which other
// callers reach too, bounds each word itself: at most MAX_SEARCH_WORD_LENGTH characters of it are read.
describe.each(databaseKinds())('a very long search word (%s)', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let repository: CatalogRepository;
  const index = new CatalogIndex();
  const long = 'y'.repeat(MAX_SEARCH_WORD_LENGTH);

  beforeAll(async () => {
    db = await testDatabase(kind);
    ds = await createDataSource({ url: db.url, schema: db.schema });
    repository = new CatalogRepository(ds);
    const base = shippedManifest('redis', '8.2.1');
    for (const [name, description] of [
      ['long-words', `Holds ${long} in its description.`],
      ['short-words', 'Holds yyy only.'],
    ] as const) {
      const m = derivedManifest(base, { name, version: '1.0.0', description });
      const v: ComponentVersion = { name, version: '1.0.0', digest: manifestDigest(m), manifest: m, source: 'test', certification: UNCERTIFIED };
      index.add(v);
      await repository.insertVersion(v, { organization: 'test', visibility: 'public' });
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it.each([
    ['100,000 characters, read up to the bound', 'y'.repeat(100_000)],
    ['100,000 characters matching nothing', 'z'.repeat(100_000)],
    ['ten such words', Array.from({ length: 10 }, () => 'y'.repeat(100_000)).join(' ')],
  ])('%s: answers as `aisle search` does, not with a database error', async (_, search) => {
    const page = await repository.page(ANONYMOUS, { search }, undefined, 20);
    expect(page.components.map((c) => c.name)).toEqual(index.search(search).map((v) => v.name));
    expect(await repository.count(ANONYMOUS, { search })).toBe(index.search(search).length);
  });

  it('finds the component holding the first MAX_SEARCH_WORD_LENGTH characters of the word', async () => {
    expect((await repository.page(ANONYMOUS, { search: `${long}zzz` }, undefined, 20)).components.map((c) => c.name)).toEqual(['long-words']);
  });
});
