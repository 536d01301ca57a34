import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A database for one test file: a SQLite file in a temp folder, or a fresh PostgreSQL schema. */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  url: string;
  schema?: string;
  /** Removes the file or drops the schema. */
  drop(): Promise<void>;
}

/** Whether PostgreSQL tests run: always when AISLE_TEST_POSTGRES_URL is set (CI), else only if the default server answers. */
export async function postgresUrl(): Promise<string | undefined> {
  const configured = process.env.AISLE_TEST_POSTGRES_URL;
  if (configured) return configured;
  const client = new Client({ connectionString: DEFAULT_POSTGRES_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return DEFAULT_POSTGRES_URL;
  } catch {
    return undefined;
  }
}

/** A fresh database of each kind available here; PostgreSQL gets a schema of its own, dropped afterwards. */
export async function testDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-api-'));
    return { kind, url: join(dir, 'aisle.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = (await postgresUrl()) ?? DEFAULT_POSTGRES_URL;
  const schema = `aisle_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    kind,
    url,
    schema,
    drop: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/**
 * The database kinds to run end-to-end tests against here: PostgreSQL always when
 * AISLE_TEST_POSTGRES_URL is set (CI: an unreachable server then fails the tests), else
 * only when the default server answers. Synchronous, for describe.each.
 */
export function databaseKinds(): Array<'sqlite' | 'postgres'> {
  if (process.env.AISLE_TEST_POSTGRES_URL) return ['sqlite', 'postgres'];
  const probe = spawnSync(process.execPath, ['-e', PROBE, DEFAULT_POSTGRES_URL], { cwd: __dirname, timeout: 5000 });
  return probe.status === 0 ? ['sqlite', 'postgres'] : ['sqlite'];
}

const PROBE = `const { Client } = require('pg');
const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 1000 });
c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
