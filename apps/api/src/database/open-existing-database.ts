import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { DiagnosticCode } from '../../../../libs/diagnostics/index.js';
import { createDataSource } from './create-data-source.js';
import { databaseOptions, isPostgresUrl } from './database-options.js';
import { CONNECTION_LOST } from './postgres-driver.js';

/** The table every Aisle database has from its first migration on. */
const AISLE_TABLE = 'api_token';

export type OpenedDatabase = { dataSource: DataSource } | { problem: { code: DiagnosticCode; message: string } };

/**
 * Opens the service's database for a command-line tool, migrated, but only when it is
 * already an Aisle database: a mistyped path or URL must not become a new, empty one
 * that the running service never reads. `create` allows a new one (`aisle token --init`).
 * Connection failures come back as a plain sentence, never with the password.
 */
export async function openExistingDatabase(url: string, shown: string, options: { create: boolean }): Promise<OpenedDatabase> {
  if (!options.create) {
    const sqliteFile = isPostgresUrl(url) ? undefined : url.replace(/^(sqlite|file):(\/\/)?/, '');
    if (sqliteFile !== undefined && !existsSync(sqliteFile)) {
      return { problem: { code: 'DATABASE_NOT_FOUND', message: `no database at ${shown}` } };
    }
    const probe = new DataSource(databaseOptions({ url }));
    try {
      await probe.initialize();
      const runner = probe.createQueryRunner();
      try {
        if (!(await runner.hasTable(AISLE_TABLE))) return { problem: { code: 'DATABASE_NOT_FOUND', message: `${shown} holds no Aisle tables` } };
      } finally {
        await runner.release();
      }
    } catch (e) {
      return { problem: { code: 'DATABASE_UNAVAILABLE', message: connectionProblem(e, url, shown) } };
    } finally {
      if (probe.isInitialized) await probe.destroy();
    }
  }
  try {
    return { dataSource: await createDataSource({ url }) };
  } catch (e) {
    return { problem: { code: 'DATABASE_UNAVAILABLE', message: connectionProblem(e, url, shown) } };
  }
}

/** Why a database could not be opened, from the driver's error code (its message may quote the URL). */
function connectionProblem(e: unknown, url: string, shown: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (!isPostgresUrl(url)) {
    if (code === 'SQLITE_NOTADB') return `${shown} is not an SQLite database`;
    return `cannot open ${shown}: ${typeof code === 'string' ? code : 'unknown error'}`;
  }
  let where = shown;
  let database = '';
  let user = '';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
    database = decodeURIComponent(parsed.pathname.slice(1));
    user = decodeURIComponent(parsed.username);
  } catch {
    // shown already says which database
  }
  switch (code) {
    case '3D000':
      return `database "${database}" does not exist on ${where}`;
    case '28P01':
    case '28000':
      return `${where} refused the login${user ? ` of user "${user}"` : ''} (wrong password, or not allowed by pg_hba.conf)`;
    case 'ECONNREFUSED':
      return `nothing answers at ${where}: is PostgreSQL running there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${where} is not known`;
    case 'ETIMEDOUT':
    case CONNECTION_LOST:
      return `${where} did not answer`;
    default:
      return `cannot connect to ${shown}: ${typeof code === 'string' ? code : 'unknown error'}`;
  }
}
