import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';

describe('parseYaml', () => {
  it('parses a plain document', () => {
    const r = parseYaml('a: 1\nb: [x, y]\n', 'f.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ a: 1, b: ['x', 'y'] });
  });

  it('reports malformed YAML with file, line and path', () => {
    const r = parseYaml('metadata:\n  name: x\n  title: a: b\n', 'bad.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', file: 'bad.yaml', line: 3, path: expect.stringMatching(/^metadata\.title/) });
  });

  it('reports a duplicate key at its line and path', () => {
    const r = parseYaml('spec:\n  image: a\n  image: b\n', 'dup.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'YAML_DUPLICATE_KEY', file: 'dup.yaml', line: 3, path: 'spec.image' });
    expect(r.diagnostics[0]!.message).toMatch(/unique/i);
  });

  it('refuses a billion-laughs alias bomb quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const r = parseYaml(lines.join('\n'), 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_ALIAS_LIMIT', file: 'bomb.yaml', line: 1 })]);
  });

  it('refuses a 10 MB document before parsing it', () => {
    const big = `description: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const r = parseYaml(big, 'big.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_TOO_LARGE', file: 'big.yaml', message: expect.stringMatching(/limit is 1000000/) })]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s with its path and line', (key) => {
    const r = parseYaml(`spec:\n  inputs:\n    ${key}:\n      polluted: true\n`, 'p.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'YAML_FORBIDDEN_KEY',
        path: `spec.inputs.${key}`,
        message: `the key "${key}" is not allowed`,
        file: 'p.yaml',
        line: 3,
        column: 5,
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports every problem, not only the first', () => {
    const r = parseYaml('a: 1\na: 2\nb: 1\nb: 2\n', 'two.yaml');
    expect(r.diagnostics.map((d) => d.line)).toEqual([2, 4]);
  });
});
