import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AISLE_NAMES, AISLES, loadCatalog } from '../libs/catalog/index.js';
import { aisle } from './bundles/cli-in-process.js';

// The one list of aisles (libs/catalog/aisles.ts) as users meet it: search, lint, the schema.
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'aisle-aisles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the aisles', () => {
  it('are one sorted list of unique names, each with a sentence, holding every aisle of the shipped catalog', () => {
    expect([...AISLE_NAMES]).toEqual([...new Set(AISLE_NAMES)].sort());
    for (const a of AISLES) expect(a.description).toMatch(/^[A-Z].+\.$/);
    const { index } = loadCatalog(join(root, 'catalog'));
    for (const a of index.aisles()) expect(AISLE_NAMES).toContain(a.name);
  });

  it('are what schemas/component.schema.json offers editors for metadata.aisle', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/component.schema.json'), 'utf8'));
    const field = schema.$defs.metadata.properties.aisle;
    expect(field.examples).toEqual(AISLE_NAMES);
    for (const name of AISLE_NAMES) expect(name).toMatch(new RegExp(field.pattern));
  });

  it('aisle search --aisle with a mistyped aisle says so, suggests the closest, and exits 1', async () => {
    const r = await aisle(['search', 'sql', '--aisle', 'databse'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('there is no aisle named "databse" (did you mean "database"?)');
    expect(r.out).toBe('');
    const json = await aisle(['search', '--aisle', 'databse', '--json'], root);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).diagnostics[0]).toMatchObject({ code: 'AISLE_UNKNOWN', path: '--aisle' });
    // Nothing close: every aisle is listed instead.
    const far = await aisle(['search', '--aisle', 'zzzzzzzzzz'], root);
    expect(far.code).toBe(1);
    expect(far.err).toContain(`the aisles are ${AISLE_NAMES.join(', ')}`);
  });

  it('aisle search --aisle with a known aisle lists it, and an empty known aisle is no error', async () => {
    const r = await aisle(['search', 'sql', '--aisle', 'database'], root);
    expect(r.code).toBe(0);
    expect(r.out).toContain('postgresql');
    // Every aisle of the shipped catalog may hold components: a catalog of Redis alone has an empty "secrets" aisle.
    const small = join(work, 'redis-only');
    mkdirSync(join(small, 'redis', '8.2.1'), { recursive: true });
    for (const file of ['component.yaml', 'certification.json', 'NOTES.md'])
      writeFileSync(join(small, 'redis', '8.2.1', file), readFileSync(join(root, 'catalog/redis/8.2.1', file)));
    const empty = await aisle(['search', '--aisle', 'secrets', '--catalog', small], root);
    expect(empty.code).toBe(0);
    expect(empty.err).toContain('no components match');
  });

  it('aisle aisles describes each aisle', async () => {
    const r = await aisle(['aisles', '--json'], root);
    expect(r.code).toBe(0);
    const database = JSON.parse(r.out).result.find((a: { name: string }) => a.name === 'database');
    expect(database).toEqual({
      name: 'database',
      components: expect.any(Number),
      kits: 0,
      description: AISLES.find((a) => a.name === 'database')!.description,
    });
  });

  it('aisle lint refuses a manifest whose aisle is not in the list, with a did-you-mean and its line', async () => {
    const dir = join(work, 'catalog', 'redis', '8.2.0');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(root, 'catalog/redis/8.2.0/component.yaml'), 'utf8');
    expect(text).toContain('aisle: cache');
    writeFileSync(join(dir, 'component.yaml'), text.replace('aisle: cache', 'aisle: cahce'));
    const r = await aisle(['lint', join(work, 'catalog'), '--json'], root);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.out).diagnostics as Array<{ code: string; path: string; message: string; line?: number }>;
    const found = problems.find((d) => d.code === 'AISLE_UNKNOWN');
    expect(found).toMatchObject({ path: 'metadata.aisle', message: 'there is no aisle named "cahce" (did you mean "cache"?)' });
    expect(found?.line).toBe(text.split('\n').findIndex((l) => l.includes('aisle: cache')) + 1);
  });
});
