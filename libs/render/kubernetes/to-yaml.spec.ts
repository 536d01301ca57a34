import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BAD_VALUES } from './testdata/bad-values.js';
import { toYaml } from './to-yaml.js';

const TRICKY = [
  ...Object.values(BAD_VALUES),
  '', ' ', 'y', 'N', 'Yes', 'OFF', 'True', 'null', 'Null', '~', '=', '<<', '12', '-12', '1.5', '1e3', '0x1F', '0o17', '1_000',
  '1:20', '2001-12-14', '.inf', '-.Inf', '.NaN', '&anchor', '*alias', '!tag', '%directive', '@at', '`tick', '|', '>', '[a]', '{a: 1}',
  '? key', ',', 'a #b', 'a:b', 'a: b', '-', '--', '---', '...', 'plain', '/bin/sh', '_under', 'app.kubernetes.io/name', 'x\u00a0y',
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

  it('writes comments where asked and leaves plain names unquoted', () => {
    const text = toYaml({ db: { password: '', name: 'app' } }, { header: ' top', comment: (p) => (p.join('.') === 'db.password' ? ' secret' : undefined) });
    expect(text).toBe('# top\n\ndb:\n  # secret\n  password: ""\n  name: app\n');
  });
});
