import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { run } from '../main.js';

const root = join(__dirname, '../../../..');

async function aisle(args: string[], cwd = root) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: {} });
  return { code, out, err };
}

describe('names in an organization’s scope at the command line', () => {
  it('reads acme/vault@^1 as a reference, and a catalog folder simply has no such component', async () => {
    const shown = await aisle(['show', 'acme/vault@^1']);
    expect(shown.code).toBe(1);
    expect(shown.err).toContain('no component named "acme/vault" in the catalog');
    const bad = await aisle(['show', 'acme//vault']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"acme//vault" is not a component reference like postgresql, postgresql@^16 or acme/vault@^1');
    const dir = mkdtempSync(join(tmpdir(), 'aisle-scoped-cli-'));
    writeFileSync(join(dir, 'app.yaml'), 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: acme/vault@^1 }\n');
    const validated = await aisle(['validate', join(dir, 'app.yaml'), '--json']);
    expect(validated.code).toBe(1);
    expect(JSON.parse(validated.out).diagnostics).toEqual([expect.objectContaining({ code: 'COMPONENT_NOT_FOUND', path: 'db.component' })]);
  });

  it('lint refuses a scoped manifest in a catalog folder with its own diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-scoped-cli-'));
    const doc = parseDocument(readFileSync(join(root, 'catalog/redis/8.2.0/component.yaml'), 'utf8'));
    doc.setIn(['metadata', 'name'], 'acme/redis');
    mkdirSync(join(dir, 'catalog/redis/8.2.0'), { recursive: true });
    writeFileSync(join(dir, 'catalog/redis/8.2.0/component.yaml'), doc.toString());
    const linted = await aisle(['lint', 'catalog', '--json'], dir);
    expect(linted.code).toBe(1);
    expect(JSON.parse(linted.out).diagnostics).toEqual([
      expect.objectContaining({ code: 'NAME_SCOPED_IN_CATALOG', path: 'metadata.name', file: 'catalog/redis/8.2.0/component.yaml' }),
    ]);
  });
});
