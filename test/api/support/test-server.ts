import { join } from 'node:path';
import { apiConfigFromEnv, type ApiConfig } from '../../../apps/api/src/api-config.js';
import { TokenStore } from '../../../apps/api/src/auth/token-store.js';
import type { Scope } from '../../../apps/api/src/auth/viewer.js';
import { createDataSource } from '../../../apps/api/src/database/create-data-source.js';
import { startServer, type RunningServer } from '../../../apps/api/src/start-server.js';
import { testDatabase, type TestDatabase } from './test-databases.js';

export const ROOT = join(__dirname, '..', '..', '..');

/** A running service over a throwaway database, with its log lines captured. */
export interface TestServer {
  server: RunningServer;
  url: string;
  db: TestDatabase;
  logs: string[];
  config: ApiConfig;
  /** Sends a GraphQL request over real HTTP. */
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse>;
  /** Creates a token the way `aisle token create` does. */
  token(organization: string, scopes: Scope[]): Promise<string>;
  stop(): Promise<void>;
}

export interface GqlResponse {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string; problems?: Array<{ path: string; code: string; message: string }> } }> };
  text: string;
}

/** Starts the service on a free port over a fresh database of the given kind. */
export async function startTestServer(kind: 'sqlite' | 'postgres', overrides: Partial<ApiConfig> = {}, existing?: TestDatabase): Promise<TestServer> {
  const db = existing ?? (await testDatabase(kind));
  const logs: string[] = [];
  const config: ApiConfig = {
    ...apiConfigFromEnv({}, ROOT),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: db.url,
    databaseSchema: db.schema,
    logSink: (line) => logs.push(line),
    ...overrides,
  };
  const server = await startServer(config);
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), text };
  };
  return {
    server,
    url: server.url,
    db,
    logs,
    config,
    gql,
    async token(organization, scopes) {
      const ds = await createDataSource({ url: db.url, schema: db.schema });
      try {
        return (await new TokenStore(ds).create(organization, scopes)).token;
      } finally {
        await ds.destroy();
      }
    },
    async stop() {
      await server.close();
      if (!existing) await db.drop();
    },
  };
}
