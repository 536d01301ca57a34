import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkManifest, MAX_MANIFEST_BYTES, parseManifest } from './parse-manifest.js';

const minimal = readFileSync(join(__dirname, 'testdata/minimal.component.yaml'), 'utf8');

/** The minimal manifest with one change applied at a path. */
function variant(path: (string | number)[], value: unknown): string {
  const doc = parseDocument(minimal);
  doc.setIn(path, value);
  return doc.toString();
}

const pattern = (p: string) => variant(['spec', 'inputs', 'properties', 'database', 'pattern'], p);

describe('parseManifest against a hostile publisher', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'sh -c id', 'must be an array'],
    ['a number', 7, 'must be an array'],
    ['a mapping', { a: 1 }, 'must be an array'],
  ])('reports runtime.command given as %s instead of throwing (issue 8, item 9)', (_title, value, message) => {
    const r = parseManifest(variant(['spec', 'runtime', 'command'], value), 'm.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: 'spec.runtime.command', message }));
  });

  it.each<[string, (string | number)[], unknown]>([
    ['args as a string', ['spec', 'runtime', 'args'], 'x'],
    ['env as a list', ['spec', 'runtime', 'env'], ['A']],
    ['outputs as a list', ['spec', 'outputs'], ['x']],
    ['an output as a string', ['spec', 'outputs', 'url'], 'x'],
    ['inputs.properties as a list', ['spec', 'inputs', 'properties'], ['x']],
    ['required as a string', ['spec', 'inputs', 'required'], 'database'],
    ['an input as a number', ['spec', 'inputs', 'properties', 'port'], 5],
    ['minLength as a string next to maxLength', ['spec', 'inputs', 'properties', 'password', 'maxLength'], 'ten'],
  ])('reports %s as a schema violation instead of throwing', (_title, path, value) => {
    const r = parseManifest(variant(path, value), 'm.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.some((d) => d.code === 'SCHEMA_VIOLATION' && d.path.startsWith(path.join('.')))).toBe(true);
  });

  it('accepts a pattern with nested quantifiers: the linear-time engine runs it safely', () => {
    expect(parseManifest(pattern('^(a+)+$')).diagnostics).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['a backreference', '^(a)\\1$', /backreference/],
    ['a named backreference', '^(?<x>a)\\k<x>$', /backreference/],
    ['a lookbehind', '(?<=a)b', /lookbehind/],
    ['a lookahead inside a group', '^(a(?!b))+$', /lookahead/],
    ['a lookahead next to an alternative', '^a(?!b)|c$', /lookahead/],
    ['two lookaheads', '^(?!a)(?!b)c$', /lookahead/],
    ['a positive lookahead', '^(?=a)\\w+$', /lookahead/],
    ['a repetition over 1000', '^a{1001}$', /1000/],
    ['a program too large to run quickly', '^(?:[ab]{0,100}a){9}$', /too complex/],
    ['a Unicode property RE2 does not know', '^\\p{Letter}+$', /Unicode property/],
    ['an escape of a lone surrogate', '^\\uD800$', /surrogate/],
  ])('refuses a pattern with %s in a plain sentence that does not quote it (item 4)', (_title, source, reason) => {
    const r = parseManifest(pattern(source), 'm.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'INPUTS_SCHEMA_INVALID', path: 'spec.inputs.properties.database.pattern', message: expect.stringMatching(reason) }),
    ]);
    expect(r.diagnostics[0]!.message).not.toContain(source);
  });

  it.each(['^(?!root$)[a-zA-Z_][a-zA-Z0-9_]{0,31}$', '^[a-z]+:(?!(latest|stable)(@|$))[a-z0-9.]+$'])(
    'accepts one negative lookahead at the top level after ^: %s',
    (source) => {
      expect(parseManifest(pattern(source)).diagnostics).toEqual([]);
    },
  );

  it.each<[string, (string | number)[], unknown, string, string]>([
    [
      'a 20,000,000-character minimum length',
      ['spec', 'inputs', 'properties', 'password', 'minLength'],
      20_000_000,
      'SCHEMA_VIOLATION',
      'must be at most 65536',
    ],
    ['a maximum length over the value limit', ['spec', 'inputs', 'properties', 'database', 'maxLength'], 100_000, 'SCHEMA_VIOLATION', 'must be at most 65536'],
    [
      'a generated secret longer than 4096 characters',
      ['spec', 'inputs', 'properties', 'password', 'minLength'],
      5000,
      'INPUTS_SCHEMA_INVALID',
      'a generated secret is at most 4096 characters; lower minLength',
    ],
    [
      'an enum of 101 values',
      ['spec', 'inputs', 'properties', 'database', 'enum'],
      Array.from({ length: 101 }, (_, i) => `v${i}`),
      'SCHEMA_VIOLATION',
      'must have at most 100 items',
    ],
    [
      'examples of 11 values',
      ['spec', 'inputs', 'properties', 'database', 'examples'],
      Array.from({ length: 11 }, (_, i) => `v${i}`),
      'SCHEMA_VIOLATION',
      'must have at most 10 items',
    ],
    [
      'a default of 4097 characters',
      ['spec', 'inputs', 'properties', 'database', 'default'],
      'a'.repeat(4097),
      'SCHEMA_VIOLATION',
      'must be at most 4096 characters',
    ],
  ])('refuses %s (item 5)', (_title, path, value, code, message) => {
    const r = parseManifest(variant(path, value), 'm.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code, message }));
  });

  it('refuses text that is not well-formed Unicode, at its path (item 9)', () => {
    const r = parseManifest(minimal.replace('description: Database name.', 'description: "Data\\uD800base"'), 'm.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_VIOLATION',
        path: 'spec.inputs.properties.database.description',
        message: 'must be well-formed Unicode text (it contains an unpaired surrogate)',
      }),
    ]);
  });

  it(`refuses a manifest over ${MAX_MANIFEST_BYTES} bytes before parsing it`, () => {
    const big = minimal.replace('description: A sample component for tests.', `description: "${'x'.repeat(MAX_MANIFEST_BYTES)}"`);
    const started = performance.now();
    const r = parseManifest(big, 'big.yaml');
    expect(performance.now() - started).toBeLessThan(200);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_TOO_LARGE', path: 'big.yaml' })]);
  });

  it('refuses nesting deeper than a manifest needs, in plain words', () => {
    const r = parseManifest(`metadata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'deep.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_TOO_LARGE', message: expect.stringMatching(/^nests collections/) })]);
  });
});

describe('keys that name built-ins of JavaScript objects', () => {
  it('refuses them in YAML before ajv can call them (its deep equality calls valueOf)', () => {
    const text = minimal.replace(
      '      - name: main\n        port: 5432\n',
      '      - { name: a, port: 1, valueOf: 1 }\n      - { name: b, port: 2, valueOf: 1 }\n',
    );
    expect(text).toContain('valueOf');
    const r = parseManifest(text, 'm.yaml');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'YAML_FORBIDDEN_KEY', path: 'spec.runtime.ports.0.valueOf' }),
      expect.objectContaining({ code: 'YAML_FORBIDDEN_KEY', path: 'spec.runtime.ports.1.valueOf' }),
    ]);
  });

  it('refuses them in a manifest given as JSON data', () => {
    const manifest = parseManifest(minimal).value!;
    const hostile = structuredClone(manifest) as unknown as { spec: { runtime: { ports: unknown[] } } };
    hostile.spec.runtime.ports = [JSON.parse('{"name":"a","port":1,"valueOf":1}'), JSON.parse('{"name":"b","port":2,"valueOf":1}')];
    expect(checkManifest(hostile).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['YAML_FORBIDDEN_KEY', 'spec.runtime.ports.0.valueOf'],
      ['YAML_FORBIDDEN_KEY', 'spec.runtime.ports.1.valueOf'],
    ]);
  });

  it('shows an empty key as "" so that only whole-document problems have the empty path', () => {
    const r = parseManifest(`"": x\n${minimal}`, 'm.yaml');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: '""', message: expect.stringContaining('is not a known field') }),
    ]);
  });
});
