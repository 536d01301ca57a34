import { afterAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { MIGRATIONS } from '../../apps/api/src/database/database-options.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';

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
