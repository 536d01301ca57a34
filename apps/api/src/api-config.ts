import { resolve } from 'node:path';
import { shippedCatalogDir } from '../../../libs/catalog/index.js';
import { defaultTrustDir } from '../../../libs/certify/index.js';
import type { LogLevel, LogSink } from './common/json-logger.js';
import { databaseUrlFromEnv } from './database/database-options.js';
import type { QueryCounter } from './database/query-counter.js';

/** Everything the service is configured with; built from the environment by apiConfigFromEnv. */
export interface ApiConfig {
  port: number;
  host: string;
  /** `postgres://…`, or a SQLite file path. */
  databaseUrl: string;
  /** PostgreSQL schema (tests isolate each run in its own). */
  databaseSchema?: string;
  /** The catalog folder ingested at start; none when undefined. */
  catalogDir?: string;
  /** Folder of trusted certifier public keys. */
  trustDir: string;
  /** Largest request body accepted, bytes. */
  bodyLimit: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Serve repeated anonymous browse queries from memory while the catalog is unchanged. */
  responseCache: boolean;
  logLevel: LogLevel;
  logSink?: LogSink;
  /** Counts SQL statements (tests of batching). */
  queryCounter?: QueryCounter;
}

/**
 * Reads PORT, HOST, DATABASE_URL, AISLE_CATALOG, AISLE_TRUST_DIR, AISLE_RESPONSE_CACHE and LOG_LEVEL; the
 * defaults give a working service on a fresh clone (SQLite under ./data/).
 */
export function apiConfigFromEnv(env: Record<string, string | undefined>, cwd: string = process.cwd()): ApiConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const level = (env.LOG_LEVEL ?? 'info') as LogLevel;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: databaseUrlFromEnv(env, cwd),
    catalogDir: env.AISLE_CATALOG === '' ? undefined : env.AISLE_CATALOG ? resolve(cwd, env.AISLE_CATALOG) : shippedCatalogDir(),
    trustDir: env.AISLE_TRUST_DIR ? resolve(cwd, env.AISLE_TRUST_DIR) : defaultTrustDir(),
    bodyLimit: 1024 * 1024,
    maxQueryDepth: 10,
    maxQueryCost: 10_000,
    responseCache: env.AISLE_RESPONSE_CACHE !== 'off',
    logLevel: ['debug', 'info', 'warn', 'error'].includes(level) ? level : 'info',
  };
}
