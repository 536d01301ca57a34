import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CatalogStateEntity } from '../entities/catalog-state.entity.js';

/** Adds the catalog's generation counter (one row), which response caching checks. */
export class CatalogGeneration1764000000001 implements MigrationInterface {
  name = 'CatalogGeneration1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog_state',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'generation', type: 'integer' },
        ],
      }),
    );
    // Through the entity, so the row lands in the configured schema on PostgreSQL too.
    await q.manager.getRepository(CatalogStateEntity).insert({ id: 1, generation: 0 });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('catalog_state');
  }
}
