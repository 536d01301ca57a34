import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aisle } from '../bundles/cli-in-process.js';
import { databaseKinds } from './support/test-databases.js';
import { ROOT, startTestServer, type TestServer } from './support/test-server.js';

// The shipped catalog behind both doors: `aisle search` and `components(search:)` match the same components for the same text.
const TEXTS = [
  '',
  'sql',
  'relational SQL',
  'DATABASE',
  'cache',
  'key-value',
  'postgres',
  's3',
  'web server',
  '100%',
  'no_such',
  // Eleven words, the last matching nothing: a search reads at most ten words, on both doors.
  'database database database database database database database database database sql nothing-matches-this',
];

/** What `aisle search` finds, components and app kits apart (GraphQL answers them from components and kits). */
async function cli(text: string): Promise<{ components: string[]; kits: string[] }> {
  const r = await aisle(['search', ...(text ? [text] : []), '--json', '--catalog', join(ROOT, 'catalog')], ROOT);
  expect(r.code).toBe(0);
  const found = JSON.parse(r.out).result as Array<{ name: string; kind: 'component' | 'kit' }>;
  const of = (kind: string) =>
    found
      .filter((c) => c.kind === kind)
      .map((c) => c.name)
      .sort();
  return { components: of('component'), kits: of('kit') };
}

describe.each(databaseKinds())('CLI and GraphQL search the same text (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { catalogDir: join(ROOT, 'catalog'), trustDir: join(ROOT, 'trust') });
  });
  afterAll(async () => t?.stop());

  it.each(TEXTS)('"%s"', async (text) => {
    const r = await t.gql('query S($s: String) { components(search: $s, first: 100) { nodes { name } } kits(search: $s) { name } }', { s: text });
    expect(r.body.errors).toBeUndefined();
    const names = (list: Array<{ name: string }>) => list.map((n) => n.name).sort();
    expect({ components: names(r.body.data.components.nodes), kits: names(r.body.data.kits) }).toEqual(await cli(text));
  });
});
