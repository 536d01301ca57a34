import { describe, expect, it } from 'vitest';
import { withinStallBound } from '../../test/fuzz/stall-bound.js';
import { parseYaml } from './parse-yaml.js';

// What it costs to parse hostile YAML: an anonymous `compose` accepts YAML text up to 1 MB.
describe('parseYaml against costly documents', () => {
  it('refuses a 32,767-deep flow sequence before parsing it, however often it comes (it used to abort the process)', () => {
    const deep = `${'['.repeat(32_767)}${']'.repeat(32_767)}`;
    for (let i = 0; i < 5; i++) {
      const r = withinStallBound('parseYaml', () => parseYaml(deep, 'deep.yaml'));
      expect(r.diagnostics).toEqual([
        expect.objectContaining({ code: 'YAML_TOO_LARGE', path: 'deep.yaml', line: 1, message: expect.stringMatching(/^nests collections/) }),
      ]);
    }
  });

  it.each([
    ['compact sequences on one line', `${'- '.repeat(400_000)}x`],
    ['flow mappings', `${'{a: '.repeat(100_000)}${'}'.repeat(100_000)}`],
    ['block mappings indented one more each line', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
  ])('refuses %s nested past the lexer bound, quickly', (_title, text) => {
    const r = withinStallBound('parseYaml', () => parseYaml(text, 'deep.yaml'));
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_TOO_LARGE' })]);
  });

  it('refuses nesting past 64 that the lexer lets through, after parsing', () => {
    const r = parseYaml(`${'['.repeat(100)}${']'.repeat(100)}`, 'deep.yaml');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_TOO_LARGE', message: 'nests collections more than 64 deep' })]);
  });

  it.each([
    ['brackets and dashes inside quotes', `a: "${'['.repeat(300)}${'- '.repeat(300)}"\nb: '${'{'.repeat(300)}'\n`],
    ['a block scalar indented past 256 columns', `a: |\n  start\n${' '.repeat(300)}deep text\nb: 1\n`],
    ['a plain scalar with brackets', `a: x${'['.repeat(300)}\n`],
  ])('parses %s: text is not nesting', (_title, text) => {
    expect(parseYaml(text, 'ok.yaml').diagnostics).toEqual([]);
  });

  it('checks 2,000 aliases of one anchor in linear time (the library looked each one up by rescanning the document: 1.3 s)', () => {
    const text = `a: &a [1]\n${Array.from({ length: 2000 }, (_, i) => `b${i}: *a`).join('\n')}\n`;
    const r = withinStallBound('parseYaml', () => parseYaml(text, 'aliases.yaml'));
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_ALIAS_LIMIT' })]);
  });

  it('still refuses an alias used before its anchor', () => {
    expect(parseYaml('a: *x\nb: &x 1\n', 'f.yaml').diagnostics).toEqual([expect.objectContaining({ code: 'YAML_SYNTAX', path: 'a', line: 1 })]);
  });

  it('locates every key of a 20,000-key mapping in linear time', () => {
    const r = parseYaml(Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n'), 'wide.yaml');
    expect(r.diagnostics).toEqual([]);
    const lines = withinStallBound('locate', () => Array.from({ length: 20_000 }, (_, i) => r.locate([`k${i}`])?.line));
    expect(lines).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
  });
});
