import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions, Logger } from 'typeorm';
import { ApiTokenEntity } from './entities/api-token.entity.js';
import { CatalogStateEntity } from './entities/catalog-state.entity.js';
import { ComponentVersionEntity } from './entities/component-version.entity.js';
import { ComponentEntity } from './entities/component.entity.js';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema.js';
import { CatalogGeneration1764000000001 } from './migrations/1764000000001-catalog-generation.js';
import { ScopedPrivateNames1764000000002 } from './migrations/1764000000002-scoped-private-names.js';
import { SearchIndex1764000000003 } from './migrations/1764000000003-search-index.js';
import { postgresDriver } from './postgres-driver.js';

/** How long a request waits for a PostgreSQL connection (a new one, or a free one from the pool). */
export const CONNECT_TIMEOUT_MS = 3000;

export const ENTITIES = [ComponentEntity, ComponentVersionEntity, ApiTokenEntity, CatalogStateEntity];
export const MIGRATIONS = [InitialSchema1764000000000, CatalogGeneration1764000000001, ScopedPrivateNames1764000000002, SearchIndex1764000000003];

export interface DatabaseSettings {
  /** `postgres://…` for PostgreSQL; anything else is a SQLite file path. */
  url: string;
  /** PostgreSQL schema to use (tests use a fresh one per run). */
  schema?: string;
  logger?: Logger;
}

/** The default SQLite file: `./data/aisle.sqlite` under the working directory. */
export function defaultDatabaseUrl(cwd: string = process.cwd()): string {
  return resolve(cwd, 'data', 'aisle.sqlite');
}

/**
 * The database the service and `aisle token` use: DATABASE_URL (a relative SQLite path is
 * taken from `cwd`), or the default SQLite file when it is unset or empty.
 */
export function databaseUrlFromEnv(env: Record<string, string | undefined>, cwd: string = process.cwd()): string {
  const url = env.DATABASE_URL;
  if (!url) return defaultDatabaseUrl(cwd);
  return isPostgresUrl(url) ? url : resolve(cwd, url);
}

/** True when the URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * TypeORM options for a database URL: PostgreSQL for `postgres://`, else a SQLite file
 * (its folder is created). Migrations run explicitly at start; never `synchronize`.
 */
export function databaseOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logger: settings.logger,
    logging: settings.logger ? true : false,
  } as const;
  if (isPostgresUrl(settings.url)) {
    return {
      type: 'postgres',
      url: settings.url,
      schema: settings.schema,
      ...common,
      driver: postgresDriver,
      // How operators (and the fault tests) find this process's sessions in pg_stat_activity; the URL's own
      // application_name parameter, when it has one, wins.
      applicationName: `aisle-${process.pid}`,
      // A database that does not answer costs a request this long, not forever (pg waits without limit by default).
      connectTimeoutMS: CONNECT_TIMEOUT_MS,
      extra: { max: 10 },
    };
  }
  const file = settings.url.replace(/^(sqlite|file):(\/\/)?/, '');
  mkdirSync(dirname(resolve(file)), { recursive: true });
  // WAL lets readers proceed while a publish writes; busy_timeout waits instead of failing under contention.
  return {
    type: 'better-sqlite3',
    database: file,
    ...common,
    enableWAL: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      // With WAL, NORMAL still never corrupts the database; it only skips an fsync per commit.
      db.pragma('synchronous = NORMAL');
    },
  };
}
