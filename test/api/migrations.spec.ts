import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../apps/api/src/catalog/catalog.repository.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { databaseOptions, MIGRATIONS } from '../../apps/api/src/database/database-options.js';
import { UNCERTIFIED, type ComponentVersion } from '../../libs/catalog/index.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { derivedManifest, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe.each(databaseKinds())('migrations (%s)', (kind) => {
  let db: TestDatabase | undefined;
  afterAll(async () => db?.drop());

  it('run once when several services start at the same moment on a fresh database', async () => {
    db = await testDatabase(kind);
    const settings = { url: db.url, schema: db.schema };
    const sources = await Promise.all([createDataSource(settings), createDataSource(settings), createDataSource(settings)]);
    try {
      const table = (name: string) => (kind === 'postgres' ? `"${db!.schema}"."${name}"` : name);
      const rows: Array<{ name: string }> = await sources[0]!.query(`SELECT name FROM ${table('migrations')} ORDER BY id`);
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      // Every service sees the schema in place.
      for (const source of sources) expect(await source.query(`SELECT COUNT(*) AS n FROM ${table('component')}`)).toHaveLength(1);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});

describe.each(databaseKinds())('moving private components into their organization’s scope (%s)', (kind) => {
  let db: TestDatabase | undefined;
  let t: TestServer | undefined;
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  /** A version as the service stored it before names were scoped: the manifest spells the global name. */
  const version = (name: string, number: string, certified = false): ComponentVersion => {
    const manifest = derivedManifest(shippedManifest('postgresql', '16.10.0'), { name, version: number, aisle: 'secrets' });
    const certification = certified ? { level: 'certified' as const, verified: true, certifier: 'library' } : UNCERTIFIED;
    return { name, version: number, digest: manifestDigest(manifest), manifest, source: 'manifest', certification };
  };

  it('renames vault of acme to acme/vault, keeping its versions, digests and certification, and keeps acme from re-creating vault in public by accident', async () => {
    db = await testDatabase(kind);
    const settings = { url: db.url, schema: db.schema };
    if (db.schema) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await client.query(`CREATE SCHEMA "${db.schema}"`);
      await client.end();
    }
    // The database as the previous release left it.
    const before = new DataSource({ ...databaseOptions(settings), migrations: MIGRATIONS.slice(0, 2) });
    await before.initialize();
    await before.runMigrations();
    const old = new CatalogRepository(before);
    const stored = [version('vault', '1.0.0', true), version('vault', '1.1.0')];
    let vaultId: number | undefined;
    for (const v of stored) vaultId = await old.insertVersion(v, { componentId: vaultId, organization: 'acme', visibility: 'private' });
    await old.insertVersion(version('acme-tool', '1.0.0'), { organization: 'acme', visibility: 'public' });
    await before.destroy();

    t = await startTestServer(kind, { catalogDir: undefined }, db);
    const acme = await t.token('acme', ['publish']);
    const globex = await t.token('globex', ['admin']);
    const STATE = 'query S($n: String!) { component(name: $n) { name organization visibility versions { name version digest certification { level } } } }';
    const moved = (await t.gql(STATE, { n: 'acme/vault' }, acme)).body.data.component;
    expect(moved).toEqual({
      name: 'acme/vault',
      organization: 'acme',
      visibility: 'PRIVATE',
      versions: [
        { name: 'acme/vault', version: '1.1.0', digest: stored[1]!.digest, certification: { level: 'uncertified' } },
        { name: 'acme/vault', version: '1.0.0', digest: stored[0]!.digest, certification: { level: 'certified' } },
      ],
    });
    expect((await t.gql(STATE, { n: 'vault' }, acme)).body.data.component).toBeNull();
    expect((await t.gql(STATE, { n: 'acme/vault' }, globex)).body.data.component).toBeNull();
    expect((await t.gql(STATE, { n: 'acme-tool' })).body.data.component).toMatchObject({ name: 'acme-tool', visibility: 'PUBLIC' });
    expect((await t.gql('{ components(search: "acme/vault") { nodes { name } } }', undefined, acme)).body.data.components.nodes).toEqual([
      { name: 'acme/vault' },
    ]);
    // App specs name it anew, and resolve to the same versions.
    const app = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: x }\ninstances:\n  db: { component: acme/vault@^1, inputs: { database: shop } }\n';
    const composed = await t.gql('query C($app: String!) { compose(app: $app) { lock } }', { app }, acme);
    expect(composed.body.data.compose.lock).toContain(stored[1]!.digest);
    // acme's CI still publishing "vault", with or without PRIVATE, is told where it lives now; nothing public appears.
    const PUBLISH = 'mutation P($m: String!, $v: Visibility) { publishComponent(manifest: $m, visibility: $v) { created version { name } } }';
    for (const v of [undefined, 'PRIVATE']) {
      const r = await t.gql(PUBLISH, { m: stringify(version('vault', '1.2.0').manifest), v }, acme);
      expect(r.body.errors?.[0]?.extensions?.problems?.[0]?.code).toBe('NAME_SCOPE_REQUIRED');
    }
    expect((await t.gql(STATE, { n: 'vault' })).body.data.component).toBeNull();
    const next = await t.gql(PUBLISH, { m: stringify(version('acme/vault', '1.2.0').manifest) }, acme);
    expect(next.body.data.publishComponent).toEqual({ created: true, version: { name: 'acme/vault' } });
    // Another organization may now take the global name: it is a different, public component.
    expect((await t.gql(PUBLISH, { m: stringify(version('vault', '1.0.0').manifest) }, globex)).body.data.publishComponent.created).toBe(true);
    await t.stop();
    t = undefined;

    // And back: the migration's down restores the global name when it is free.
    const after = await createDataSource(settings);
    try {
      await after.query(
        `DELETE FROM ${kind === 'postgres' ? `"${db.schema}".` : ''}component_version WHERE component_id IN (SELECT id FROM ${kind === 'postgres' ? `"${db.schema}".` : ''}component WHERE name = 'vault')`,
      );
      await after.query(`DELETE FROM ${kind === 'postgres' ? `"${db.schema}".` : ''}component WHERE name = 'vault'`);
      // The search index first (the last migration), then the move back.
      await after.undoLastMigration();
      await after.undoLastMigration();
      const names = (
        (await after.query(`SELECT name FROM ${kind === 'postgres' ? `"${db.schema}".` : ''}component ORDER BY name`)) as Array<{ name: string }>
      ).map((r) => r.name);
      expect(names).toEqual(['acme-tool', 'vault']);
    } finally {
      await after.destroy();
    }
  });
});
