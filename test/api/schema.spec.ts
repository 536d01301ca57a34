import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startTestServer, type TestServer } from './support/test-server.js';

const FILE = join(ROOT, 'schemas', 'schema.graphql');
const HEADER =
  '# The GraphQL API of `npm start`, generated from apps/api (code first). Do not edit:\n# refresh with UPDATE_SCHEMA=1 npx vitest run test/api/schema.spec.ts\n\n';

describe('schemas/schema.graphql', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { catalogDir: undefined });
  });
  afterAll(async () => t?.stop());

  it('is what the service serves (a stale file fails here)', async () => {
    const r = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(r.body.errors).toBeUndefined();
    const served = HEADER + printSchema(lexicographicSortSchema(buildClientSchema(r.body.data as IntrospectionQuery))) + '\n';
    if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, served);
    expect(readFileSync(FILE, 'utf8')).toBe(served);
  });
});
