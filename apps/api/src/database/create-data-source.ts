import { DataSource } from 'typeorm';
import { databaseOptions, type DatabaseSettings } from './database-options.js';

/**
 * An initialized DataSource with every migration applied. The CLI uses it directly
 * (no Nest), and the service builds its TypeORM module from the same options.
 */
export async function createDataSource(settings: DatabaseSettings): Promise<DataSource> {
  const dataSource = new DataSource(databaseOptions(settings));
  await dataSource.initialize();
  try {
    if (settings.schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${settings.schema.replace(/"/g, '')}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  return dataSource;
}
