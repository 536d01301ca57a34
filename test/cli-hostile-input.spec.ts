import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISTAKES_IN_A_VALUE } from '../libs/manifest/testdata/mistakes-in-a-value.js';

// The built CLI (npm run build), as a user runs it.
const BIN = join(__dirname, '../bin/aisle.js');
const HEAD = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql\n    inputs:\n';

/** Runs `aisle ARGS` in a fresh folder holding `files`; returns its exit code and everything it printed. */
function aisle(args: string[], files: Record<string, string>): { status: number | null; output: string; cwd: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'aisle-hostile-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(cwd, path, '..'), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  const r = spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, cwd };
}

describe('the CLI against hostile input (issue 8)', () => {
  it.each(Object.entries(MISTAKES_IN_A_VALUE))('aisle validate never prints what is inside an input value: %s (item 8)', (_title, lines) => {
    for (const json of [false, true]) {
      const r = aisle(['validate', 'app.yaml', ...(json ? ['--json'] : [])], { 'app.yaml': HEAD + lines });
      expect(r.status).toBe(1);
      for (const fragment of ['Hunter2', 'pass-1234', '1234']) expect(r.output).not.toContain(fragment);
      expect(r.output).toMatch(/app\.yaml/);
    }
  });

  it.each([
    ['validate', ['validate', 'app.yaml']],
    ['compose', ['compose', 'app.yaml', '--out', 'out']],
  ])('aisle %s refuses a lone surrogate in a value with exit 1, not "URI malformed" (item 9)', (_title, args) => {
    const r = aisle(args, { 'app.yaml': `${HEAD}      password: "Hunter2\\uD800pass-1234"\n` });
    expect(r.status).toBe(1);
    expect(r.output).toContain('instances.db.inputs.password: must be well-formed Unicode text');
    expect(r.output).not.toContain('URI malformed');
    expect(r.output).not.toContain('Hunter2');
    expect(readdirSync(r.cwd)).toEqual(['app.yaml']);
  });

  it('aisle lint reports runtime.command given as a string with its path and exit 1, not a crash (item 9)', () => {
    const minimal = readFileSync(join(__dirname, '../libs/manifest/testdata/minimal.component.yaml'), 'utf8');
    const manifest = minimal.replace('  runtime:\n', '  runtime:\n    command: "sh -c id"\n');
    expect(manifest).toContain('command: "sh -c id"');
    const r = aisle(['lint', 'catalog'], { 'catalog/sample/1.0.0/component.yaml': manifest });
    expect(r.status).toBe(1);
    expect(r.output).toContain('spec.runtime.command: must be an array');
    expect(r.output).not.toContain('is not a function');
  });

  it('aisle lint refuses a pattern that cannot run in linear time, in a plain sentence (item 4)', () => {
    const minimal = readFileSync(join(__dirname, '../libs/manifest/testdata/minimal.component.yaml'), 'utf8');
    const manifest = minimal.replace('pattern: "^[a-z_]+$"', 'pattern: "^(a|aa)\\\\1+$"');
    expect(manifest).toContain('\\\\1');
    const r = aisle(['lint', 'catalog'], { 'catalog/sample/1.0.0/component.yaml': manifest });
    expect(r.status).toBe(1);
    expect(r.output).toContain('spec.inputs.properties.database.pattern: uses a backreference');
    expect(r.output).not.toContain('(a|aa)');
  });
});
