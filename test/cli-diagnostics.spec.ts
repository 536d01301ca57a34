import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../libs/diagnostics/index.js';
import { aisle } from './bundles/cli-in-process.js';

// Issue 10: what `aisle validate` and `aisle compose` say about a bad app spec — once, where, and without echoing it.
const HEAD = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n';
const WEB = `${HEAD}  web:\n    component: web-app\n    inputs:\n      image: docker.io/traefik/whoami:v1.10\n      port: "eighty"\n`;

function folder(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'aisle-diag-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(cwd, path), text);
  return cwd;
}

async function json(args: string[], cwd: string): Promise<Diagnostic[]> {
  const r = await aisle([...args, '--json'], cwd);
  expect(r.code).not.toBe(0);
  return (JSON.parse(r.out) as { diagnostics: Diagnostic[] }).diagnostics;
}

const COMMANDS = [
  ['validate', 'app.yaml'],
  ['compose', 'app.yaml', '--out', 'out'],
];

describe('aisle diagnostics (issue 10)', () => {
  it.each(COMMANDS)('aisle %s: a wrong-typed input is one diagnostic on its path, with its position, never echoed', async (...args) => {
    const cwd = folder({ 'app.yaml': WEB });
    const diagnostics = await json(args, cwd);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'INPUT_INVALID',
        path: 'web.inputs.port',
        message: 'must be an integer',
        file: 'app.yaml',
        line: 9,
        column: 7,
        detail: { keyword: 'type', params: { type: 'integer' } },
      },
    ]);
    const text = await aisle(args, cwd);
    expect(text.code).toBe(1);
    expect(text.err.trim()).toBe('error: app.yaml:9:7: web.inputs.port: must be an integer');
    expect(text.out + text.err).not.toContain('eighty');
  });

  it('aisle validate gives wiring and unknown-input problems the position of the offending node', async () => {
    const spec = `${HEAD}  db:\n    component: postgresql\n    inputs:\n      databse: shop\n  web:\n    component: web-app\n    inputs:\n      image: a/b:1\n    env:\n      URL: \${{ dbb.url }}\n    publish:\n      htp: 8080\n`;
    const diagnostics = await json(['validate', 'app.yaml'], folder({ 'app.yaml': spec }));
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.path}`)).toEqual([
      'app.yaml:8:7 INPUT_UNKNOWN db.inputs.databse',
      'app.yaml:14:7 WIRING_UNKNOWN_INSTANCE web.env.URL',
      'app.yaml:16:7 PORT_UNKNOWN web.publish.htp',
    ]);
  });

  const BAD: Record<string, Record<string, string>> = {
    'no such file': {},
    'a sequence, not a mapping': { 'app.yaml': '- a\n- b\n' },
    'a YAML syntax error at the top': { 'app.yaml': 'a: [\n' },
    'an alias bomb': {
      'app.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join('\n')}\n`,
    },
    'nesting too deep': { 'app.yaml': `a: ${'['.repeat(300)}${']'.repeat(300)}\n` },
    'a document too large': { 'app.yaml': `a: "${'x'.repeat(1_000_001)}"\n` },
    'too many inputs': {
      'app.yaml': `${HEAD}  db:\n    component: postgresql\n    inputs:\n${Array.from({ length: 101 }, (_, i) => `      k${i}: v\n`).join('')}`,
    },
    'a wrong-typed input': { 'app.yaml': WEB },
  };

  it.each(Object.entries(BAD))('no diagnostic has an empty path: %s', async (_title, files) => {
    const cwd = folder(files);
    for (const args of COMMANDS) {
      const diagnostics = await json(args, cwd);
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) expect(d.path, JSON.stringify(d)).not.toBe('');
    }
  });
});
