import { DataSource } from 'typeorm';
import { databaseOptions, isPostgresUrl, type DatabaseSettings } from './database-options.js';

/**
 * An initialized DataSource with every migration applied. The CLI uses it directly
 * (no Nest), and the service builds its TypeORM module from the same options.
 */
export async function createDataSource(settings: DatabaseSettings): Promise<DataSource> {
  const dataSource = new DataSource(databaseOptions(settings));
  await dataSource.initialize();
  try {
    if (isPostgresUrl(settings.url)) await migratePostgres(dataSource, settings.schema);
    else await dataSource.runMigrations({ transaction: 'each' });
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  return dataSource;
}

/**
 * Several services may start at once on one fresh PostgreSQL database: an advisory lock,
 * held on one connection for the whole run, lets one migrate while the others wait and
 * then find nothing left to do.
 */
async function migratePostgres(dataSource: DataSource, schema: string | undefined): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const key = `aisle-migrations:${schema ?? 'public'}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    if (schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await runner.release();
  }
}
