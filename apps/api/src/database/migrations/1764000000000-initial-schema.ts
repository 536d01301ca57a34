import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

/**
 * The first schema: components, their versions and API tokens. Written with TypeORM's
 * portable Table API rather than SQL so the same migration runs on SQLite and PostgreSQL.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'component',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'organization', type: 'varchar', length: '100' },
          { name: 'visibility', type: 'varchar', length: '10' },
          { name: 'aisle', type: 'varchar', length: '100' },
          { name: 'search_text', type: 'text' },
          { name: 'latest_version', type: 'varchar', length: '100' },
          { name: 'latest_certified', type: 'boolean' },
          { name: 'created_at', type: 'varchar', length: '40' },
        ],
      }),
    );
    await q.createIndex('component', new TableIndex({ name: 'IDX_component_name', columnNames: ['name'], isUnique: true }));
    await q.createIndex('component', new TableIndex({ name: 'IDX_component_aisle', columnNames: ['aisle'] }));
    await q.createTable(
      new Table({
        name: 'component_version',
        columns: [
          id,
          { name: 'component_id', type: 'integer' },
          { name: 'version', type: 'varchar', length: '100' },
          { name: 'digest', type: 'varchar', length: '80' },
          { name: 'manifest', type: 'text' },
          { name: 'deprecated', type: 'text', isNullable: true },
          { name: 'certification_level', type: 'varchar', length: '20' },
          { name: 'certification_verified', type: 'boolean' },
          { name: 'certifier', type: 'varchar', length: '200', isNullable: true },
          { name: 'issued_at', type: 'varchar', length: '40', isNullable: true },
          { name: 'certification_reason', type: 'text', isNullable: true },
          { name: 'certification_record', type: 'text', isNullable: true },
          { name: 'source', type: 'varchar', length: '300' },
          { name: 'published_at', type: 'varchar', length: '40' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_component_version_component',
            columnNames: ['component_id'],
            referencedTableName: 'component',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'component_version',
      new TableIndex({ name: 'IDX_component_version_unique', columnNames: ['component_id', 'version'], isUnique: true }),
    );
    await q.createTable(
      new Table({
        name: 'api_token',
        columns: [
          id,
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'prefix', type: 'varchar', length: '20' },
          { name: 'organization', type: 'varchar', length: '100' },
          { name: 'scopes', type: 'varchar', length: '100' },
          { name: 'description', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'revoked_at', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
    );
    await q.createIndex('api_token', new TableIndex({ name: 'IDX_api_token_hash', columnNames: ['token_hash'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_token');
    await q.dropTable('component_version');
    await q.dropTable('component');
  }
}
