import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BAD_VALUES } from './kubernetes/testdata/bad-values.js';
import { toYaml } from './to-yaml.js';

const TRICKY = [
  ...Object.values(BAD_VALUES),
  '',
  ' ',
  'y',
  'N',
  'Yes',
  'OFF',
  'True',
  'null',
  'Null',
  '~',
  '=',
  '<<',
  '12',
  '-12',
  '1.5',
  '1e3',
  '0x1F',
  '0o17',
  '1_000',
  '1:20',
  '2001-12-14',
  '.inf',
  '-.Inf',
  '.NaN',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  '|',
  '>',
  '[a]',
  '{a: 1}',
  '? key',
  ',',
  'a #b',
  'a:b',
  'a: b',
  '-',
  '--',
  '---',
  '...',
  'plain',
  '/bin/sh',
  '_under',
  'app.kubernetes.io/name',
  'x\u00a0y',
];

describe('toYaml', () => {
  it('writes structures that YAML 1.1 and 1.2 readers parse back exactly', () => {
    const value = {
      strings: TRICKY,
      asKeys: Object.fromEntries(TRICKY.filter((t) => t.length < 100).map((t, i) => [t, i])),
      nested: [[1, [2, []]], [{}], { a: [{ b: { c: [true, false, null, 0, -1, 0.5] } }] }],
      empty: { map: {}, list: [] },
    };
    const text = toYaml(value);
    expect(parse(text, { version: '1.1' })).toEqual(value);
    expect(parse(text, { version: '1.2' })).toEqual(value);
  });

  it('keeps every line to one scalar, so no reader can fold it', () => {
    for (const s of TRICKY) {
      const text = toYaml({ k: s });
      expect(text.split('\n').length, JSON.stringify(s).slice(0, 40)).toBe(2);
    }
  });

  it('writes random printable strings as the yaml library does, and they read back exactly', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const chars = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCNOYnoy[\\]^_`{|}~é';
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let n = 1 + Math.floor(random() * 8); n > 0; n--) s += chars[Math.floor(random() * chars.length)];
      const text = toYaml({ k: s });
      expect(parse(text, { version: '1.1' }).k, JSON.stringify(s)).toBe(s);
      expect(parse(text, { version: '1.2' }).k, JSON.stringify(s)).toBe(s);
      const library = stringify({ k: s }, { version: '1.1', lineWidth: 0 });
      if (parse(library, { version: '1.2' }).k === s) expect(text, JSON.stringify(s)).toBe(library);
    }
  });

  it('writes comments where asked and leaves plain names unquoted', () => {
    const text = toYaml({ db: { password: '', name: 'app' } }, { header: ' top', comment: (p) => (p.join('.') === 'db.password' ? ' secret' : undefined) });
    expect(text).toBe('# top\n\ndb:\n  # secret\n  password: ""\n  name: app\n');
  });
});
