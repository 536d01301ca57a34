import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogIndex, loadCatalog, UNCERTIFIED } from '../../libs/catalog/index.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { ANONYMOUS } from '../../apps/api/src/auth/viewer.js';
import { CatalogRepository } from '../../apps/api/src/catalog/catalog.repository.js';
import { CatalogReadModel } from '../../apps/api/src/catalog/catalog-read-model.js';
import { CatalogService } from '../../apps/api/src/catalog/catalog.service.js';
import { createVersionLoader } from '../../apps/api/src/catalog/version-loader.js';
import { ingestVersions, type ShippedComponent } from '../../apps/api/src/catalog/ingest-catalog.js';
import { IngestStore } from '../../apps/api/src/catalog/ingest-store.js';
import { JsonLogger } from '../../apps/api/src/common/json-logger.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { QueryCounter } from '../../apps/api/src/database/query-counter.js';
import { SCALE_SEARCHES, scaleCatalog, scaleShipped } from '../../bench/lib/scale-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';

// The catalog bench/scale.js measures (10,000 components of three versions), ingested into each database: search
// finds what `aisle search` finds (CatalogIndex.search, the CLI's matcher), in the same order, page after page.
const generated = scaleCatalog();
const shipped: ShippedComponent[] = scaleShipped(generated, { manifestDigest, uncertified: UNCERTIFIED });
const reference = new CatalogIndex();
for (const c of shipped) for (const v of c.versions) reference.add(v);
const SEARCHES = [...SCALE_SEARCHES, 'SQL Postgres', 'Metrics_', '%', 'ser', 'gres-s'];
const found = new Map<string, Map<string, string[]>>();

it('generates manifests that load from a catalog folder with the digests the test uses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-scale-'));
  try {
    const sample = generated.filter((_, i) => i % 500 === 0);
    for (const c of sample) {
      for (const v of c.versions) {
        mkdirSync(join(dir, 'catalog', c.name, v.version), { recursive: true });
        writeFileSync(join(dir, 'catalog', c.name, v.version, 'component.yaml'), stringify(v.manifest));
      }
    }
    const loaded = loadCatalog(join(dir, 'catalog'));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.index.names()).toEqual(sample.map((c) => c.name).sort());
    for (const c of sample)
      expect(loaded.index.versions(c.name).map((v) => v.digest)).toEqual(shipped.find((s) => s.name === c.name)!.versions.map((v) => v.digest));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(databaseKinds())('searching 10,000 components (%s)', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let service: CatalogService;
  // A request's view of the catalog, as the service gives each request one.
  let request: () => ReturnType<typeof createVersionLoader>;
  const counter = new QueryCounter();
  const results = new Map<string, string[]>();
  found.set(kind, results);

  beforeAll(async () => {
    db = await testDatabase(kind);
    ds = await createDataSource({ url: db.url, schema: db.schema, logger: counter });
    const repository = new CatalogRepository(ds);
    service = new CatalogService(repository);
    const readModel = new CatalogReadModel(repository);
    request = () => createVersionLoader(readModel);
    const logger = new JsonLogger(() => undefined);
    const first = await ingestVersions(shipped, () => undefined, repository, new IngestStore(ds), logger);
    expect(first).toMatchObject({ versionsShipped: 30_000, versionsAdded: 30_000, versionsAlreadyStored: 0, versionsRefused: 0 });
    // A restart with nothing changed reads once and writes nothing, however large the catalog.
    counter.reset();
    const again = await ingestVersions(shipped, () => undefined, repository, new IngestStore(ds), logger);
    expect(again).toMatchObject({ versionsAdded: 0, versionsAlreadyStored: 30_000, versionsRefused: 0 });
    expect(counter.queries.filter((q) => !/^(START TRANSACTION|BEGIN|COMMIT)/i.test(q))).toHaveLength(1);
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it.each(SEARCHES)('"%s": every page, in the order `aisle search` lists', async (search) => {
    const names: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const page = await service.page(ANONYMOUS, request(), { search }, 100, after);
      names.push(...page.nodes.map((n) => n.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    const expected = reference.search(search).map((v) => v.name);
    expect(names).toEqual(expected);
    expect(await service.count(ANONYMOUS, request(), { search })).toBe(expected.length);
    results.set(search, names);
  });

  it('lists the latest version’s aisle: one search on an aisle', async () => {
    const page = await service.page(ANONYMOUS, request(), { search: 'sql', aisle: 'cache' }, 100, undefined);
    expect(page.nodes.map((n) => n.name)).toEqual(
      reference
        .search('sql', 'cache')
        .slice(0, 100)
        .map((v) => v.name),
    );
  });
});

it('finds the same ordered results on every database', () => {
  const [first, ...others] = [...found.values()];
  for (const other of others) expect(Object.fromEntries(other)).toEqual(Object.fromEntries(first!));
  // The searches are worth running: most find something, across ranks, and one finds nothing.
  expect(SEARCHES.filter((s) => reference.search(s).length > 0).length).toBeGreaterThan(SEARCHES.length - 4);
  expect(reference.search('no-such-word')).toEqual([]);
});
