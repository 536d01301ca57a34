import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ComponentEntity } from '../entities/component.entity.js';

/**
 * Trigram indexes over each component's search text, so that `components(search:)` looks words up instead of
 * scanning every row, and still finds a word anywhere inside another ("sql" in postgresql). On SQLite an FTS5 table
 * (trigram tokenizer, case-sensitive: the text and the words are lower-cased already) over the component table,
 * which triggers keep in step with every insert, update and delete; on PostgreSQL a GIN index of pg_trgm, which the
 * database keeps itself. The queries that use them are in catalog/search-query.ts.
 */
export class SearchIndex1764000000003 implements MigrationInterface {
  name = 'SearchIndex1764000000003';

  async up(q: QueryRunner): Promise<void> {
    const table = tablePath(q);
    if (q.connection.options.type === 'postgres') {
      // In public, never in a schema of the service's own: dropping that schema would take the extension, and every
      // index built on it, away from other schemas of the database. pg_trgm is trusted: a database owner may create it.
      // Services migrating other schemas of the same database at once would race to create it: one at a time.
      await q.query("SELECT pg_advisory_xact_lock(hashtext('aisle-extension:pg_trgm'))");
      await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
      const [{ schema }] = (await q.query(
        "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'",
      )) as Array<{ schema: string }>;
      // fastupdate off: a bulk ingest would otherwise leave its entries in the index's pending list, which every search
      // then reads through until a vacuum (ten times slower at 10,000 components); writes are rare, searches are not.
      await q.query(
        `CREATE INDEX component_search_text_trgm ON ${table} USING gin (search_text ${q.connection.driver.escape(schema!)}.gin_trgm_ops) WITH (fastupdate = off)`,
      );
      return;
    }
    await q.query(`CREATE VIRTUAL TABLE component_search USING fts5(search_text, content=${table}, content_rowid=id, tokenize='trigram case_sensitive 1')`);
    await q.query(
      `CREATE TRIGGER component_search_insert AFTER INSERT ON ${table} BEGIN INSERT INTO component_search(rowid, search_text) VALUES (new.id, new.search_text); END`,
    );
    await q.query(
      `CREATE TRIGGER component_search_delete AFTER DELETE ON ${table} BEGIN INSERT INTO component_search(component_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`,
    );
    await q.query(
      `CREATE TRIGGER component_search_update AFTER UPDATE OF search_text ON ${table} WHEN new.search_text IS NOT old.search_text BEGIN ` +
        `INSERT INTO component_search(component_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); ` +
        'INSERT INTO component_search(rowid, search_text) VALUES (new.id, new.search_text); END',
    );
    await q.query("INSERT INTO component_search(component_search) VALUES ('rebuild')");
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      const schema = q.connection.getMetadata(ComponentEntity).schema;
      await q.query(`DROP INDEX ${schema ? `${q.connection.driver.escape(schema)}.` : ''}component_search_text_trgm`);
      return;
    }
    for (const trigger of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER component_search_${trigger}`);
    await q.query('DROP TABLE component_search');
  }
}

// The escaped (schema-qualified on PostgreSQL) name of the component table.
function tablePath(q: QueryRunner): string {
  return q.connection
    .getMetadata(ComponentEntity)
    .tablePath.split('.')
    .map((p) => q.connection.driver.escape(p))
    .join('.');
}
