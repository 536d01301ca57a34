import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { re2Pattern } from './re2-pattern.js';

const IMAGE =
  '^[a-z0-9]+([._-][a-z0-9]+)*(\\.[a-z0-9-]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*:(?!(latest|stable|main|master|edge|dev|nightly)(@|$))[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(@sha256:[a-f0-9]{64})?$';
const USER = '^(?!root$)[a-zA-Z_][a-zA-Z0-9_]{0,79}$';

/** What a draft-07 validator decides with the rewritten keywords (pattern is a search, not a full match). */
function accepts(schema: Record<string, any>, value: string): boolean {
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  if (schema.not !== undefined && new RegExp(schema.not.pattern, 'u').test(value)) return false;
  return true;
}

describe('re2Pattern', () => {
  it('keeps a pattern RE2 can run as it is', () => {
    expect(re2Pattern('^[a-z]+(\\(x\\))?[(?!]$')).toEqual({ pattern: '^[a-z]+(\\(x\\))?[(?!]$' });
  });

  it('rewrites a leading lookahead into pattern and not, with no lookaround left', () => {
    expect(re2Pattern(USER)).toEqual({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]{0,79}$', not: { pattern: '^(?:root$)' } });
    expect(JSON.stringify(re2Pattern(IMAGE))).not.toMatch(/\(\?[=!<]/);
  });

  const samples: Array<[string, string[]]> = [
    [USER, ['root', 'rooty', 'Root', 'xroot', 'app', '_', '', '1abc', 'root$', 'a'.repeat(80), 'a'.repeat(81)]],
    [
      IMAGE,
      [
        'nginx:latest',
        'nginx:latest-1',
        'nginx:1.29',
        'docker.io/library/nginx:stable',
        'registry.local:5000/app:main',
        'registry.local:5000/app:v2',
        'ghcr.io/acme/app:dev@sha256:' + 'a'.repeat(64),
        'ghcr.io/acme/app:devel@sha256:' + 'a'.repeat(64),
        'app:nightly',
        'app:nightly2',
        'app',
        'App:1',
        'app:',
        'app:edge.1',
        'a.b-c/d__e:master',
      ],
    ],
  ];
  for (const [pattern, values] of samples) {
    it(`decides like the original JavaScript pattern: ${pattern.slice(0, 30)}…`, () => {
      const original = new RegExp(pattern, 'u');
      const rewritten = re2Pattern(pattern);
      for (const value of values) expect(accepts(rewritten, value), value).toBe(original.test(value));
    });
  }

  it('leaves out what it cannot rewrite: lookbehind, backreference, two or nested lookaheads, no anchor', () => {
    for (const pattern of ['^(?<=a)b$', '^(a)\\1$', '^(?!a)(?!b)c$', '^(x(?!a))b$', '(?!a)b', '^(?=a)\\w$']) expect(re2Pattern(pattern), pattern).toEqual({});
  });

  it('rewrites every pattern of the shipped catalog into one Helm can run', () => {
    const catalog = join(__dirname, '../../../catalog');
    const patterns = new Set<string>();
    for (const name of readdirSync(catalog, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const version of readdirSync(join(catalog, name.name), { withFileTypes: true }).filter((e) => e.isDirectory())) {
        let text: string;
        try {
          text = readFileSync(join(catalog, name.name, version.name, 'component.yaml'), 'utf8');
        } catch {
          continue;
        }
        for (const m of text.matchAll(/^\s*pattern: "(.*)"\s*$/gm)) patterns.add(JSON.parse(`"${m[1]}"`) as string);
      }
    }
    expect(patterns.size).toBeGreaterThan(0);
    for (const pattern of patterns) {
      if (pattern.includes('(?!')) expect(re2Pattern(pattern).not, pattern).toBeDefined();
      else expect(re2Pattern(pattern), pattern).toEqual({ pattern });
    }
  });
});
