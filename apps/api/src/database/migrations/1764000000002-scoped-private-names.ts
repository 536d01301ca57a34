import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isScopeName } from '../../../../../libs/manifest/index.js';
import { CatalogStateEntity } from '../entities/catalog-state.entity.js';
import { ComponentEntity } from '../entities/component.entity.js';

interface ComponentRow {
  id: number | string;
  name: string;
  organization: string;
  search_text: string;
}

/**
 * Names became scoped by organization (acme/vault), and a private component must live
 * in its organization's scope: each private component with a global name moves there
 * (`vault` of acme becomes `acme/vault`), so no other organization can collide with its
 * name or learn that it exists. Its versions, digests and manifests stay as they were
 * (a published version never changes): the component's name is its versions' name.
 * The name column grows to hold a 63-character scope, `/` and a 40-character label.
 */
export class ScopedPrivateNames1764000000002 implements MigrationInterface {
  name = 'ScopedPrivateNames1764000000002';

  async up(q: QueryRunner): Promise<void> {
    const table = tablePath(q);
    // SQLite does not enforce varchar lengths; PostgreSQL does.
    if (q.connection.options.type === 'postgres') await q.query(`ALTER TABLE ${table} ALTER COLUMN name TYPE varchar(120)`);
    const rows = (await q.query(`SELECT id, name, organization, search_text FROM ${table} WHERE visibility = 'private'`)) as ComponentRow[];
    const moving = rows.filter((r) => !r.name.includes('/'));
    const unfit = [...new Set(moving.filter((r) => !isScopeName(r.organization)).map((r) => r.organization))];
    if (unfit.length > 0) {
      throw new Error(
        `cannot move private components into their organization's scope: ${unfit.map((o) => JSON.stringify(o)).join(', ')} is not a valid scope name (lower-case letters, digits and hyphens, at most 63)`,
      );
    }
    for (const row of moving) {
      const name = `${row.organization}/${row.name}`;
      await rename(q, table, row.id, name, `${name} ${row.search_text}`);
    }
    // Caches of every instance sharing the database drop what they answered under the old names.
    if (moving.length > 0) await q.manager.getRepository(CatalogStateEntity).increment({ id: 1 }, 'generation', 1);
  }

  async down(q: QueryRunner): Promise<void> {
    const table = tablePath(q);
    const rows = (await q.query(`SELECT id, name, organization, search_text FROM ${table} WHERE visibility = 'private'`)) as ComponentRow[];
    const taken = new Set(((await q.query(`SELECT name FROM ${table}`)) as Array<{ name: string }>).map((r) => r.name));
    for (const row of rows.filter((r) => r.name.startsWith(`${r.organization}/`))) {
      const name = row.name.slice(row.organization.length + 1);
      if (taken.has(name)) throw new Error(`cannot move ${row.name} back to ${name}: that global name is taken by now`);
      await rename(q, table, row.id, name, row.search_text.startsWith(`${row.name} `) ? row.search_text.slice(row.name.length + 1) : row.search_text);
    }
    await q.manager.getRepository(CatalogStateEntity).increment({ id: 1 }, 'generation', 1);
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

async function rename(q: QueryRunner, table: string, id: number | string, name: string, searchText: string): Promise<void> {
  const [sql, parameters] = q.connection.driver.escapeQueryWithParameters(`UPDATE ${table} SET name = :name, search_text = :searchText WHERE id = :id`, {
    name,
    searchText,
    id: Number(id),
  });
  await q.query(sql, parameters);
}
