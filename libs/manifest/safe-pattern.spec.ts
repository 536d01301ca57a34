import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../test/fuzz/fuzz-config.js';
import { parseManifest } from './parse-manifest.js';
import { compileSafePattern, MAX_PATTERN_COST, MAX_PATTERN_STEPS, type SafePattern } from './safe-pattern.js';

const catalog = join(__dirname, '../../catalog');

/** Every input pattern of the shipped catalog, with the input that declares it. */
function shippedPatterns(): Array<{ where: string; pattern: string }> {
  const found: Array<{ where: string; pattern: string }> = [];
  for (const name of readdirSync(catalog)) {
    for (const version of readdirSync(join(catalog, name))) {
      // A kit's folder holds kit.yaml: its inputs are checked by the kit's own lint.
      const file = join(catalog, name, version, 'component.yaml');
      if (!existsSync(file)) continue;
      const manifest = parseManifest(readFileSync(file, 'utf8')).value!;
      for (const [input, property] of Object.entries(manifest.spec.inputs.properties)) {
        if (property.pattern) found.push({ where: `${name}@${version} ${input}`, pattern: property.pattern });
      }
    }
  }
  return found;
}

function compiled(source: string): SafePattern {
  const verdict = compileSafePattern(source);
  if ('problem' in verdict) throw new Error(verdict.problem);
  return verdict.pattern;
}

// Pieces of image references, names, sizes and durations, and the characters that tell dialects apart.
const FRAGMENTS = [
  'a',
  'Z',
  '0',
  '9',
  '.',
  '-',
  '_',
  '~',
  '@',
  ':',
  '/',
  ' ',
  '\n',
  '\u00a0',
  '\u2028',
  'é',
  'root',
  'latest',
  'stable',
  'main',
  'nightly',
  'dev',
  'v1.2',
  '16.10',
  'Gi',
  'Mi',
  'mb',
  'h',
  'registry.example.com',
  ':5000',
  '@sha256:',
  'e'.repeat(64),
  'http://',
  'https://',
];

/** Usually one of the first list, sometimes one of the second. */
function mostly(usual: string[], rare: string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 5 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });
}

// Image references near the edges of web-app's pattern: its lookahead, port, path, tag and digest.
const IMAGE_REFERENCE = fc
  .tuple(
    mostly(['registry.example.com', 'acme', 'ghcr.io', 'a'], ['x_y', 'a..b', 'A', '']),
    mostly(['', ':5000'], [':x', ':']),
    fc.array(mostly(['/team', '/app', '/a-b', '/latest'], ['/A', '/', '/a--']), { maxLength: 2 }).map((a) => a.join('')),
    mostly([':'], ['', '::', ':1:', ':latest:']),
    mostly(
      ['latest', 'stable', 'main', 'master', 'edge', 'dev', 'nightly', '1.2.3', 'v1', 'latest-1', 'latestx', '_a', 'Latest', 'latest.1'],
      ['', '.a', 'latest@', 'lat:est'],
    ),
    mostly(['', `@sha256:${'e'.repeat(64)}`], ['@', '@sha256:e', `@sha256:${'E'.repeat(64)}`]),
  )
  .map((parts) => parts.join(''));
const TEXT = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }).map((pieces) => pieces.join('')), weight: 1 },
  { arbitrary: IMAGE_REFERENCE, weight: 2 },
);

describe('compileSafePattern', () => {
  const shipped = shippedPatterns();

  it('compiles every pattern of the shipped catalog', () => {
    expect(shipped.length).toBeGreaterThan(30);
    for (const { pattern } of shipped) expect(compileSafePattern(pattern)).toHaveProperty('pattern');
  });

  it.each([...new Set(shippedPatterns().map((p) => p.pattern))])('reads %s exactly as JavaScript does', (source) => {
    const pattern = compiled(source);
    const js = new RegExp(source, 'u');
    fc.assert(
      fc.property(TEXT, (text) => {
        expect(pattern.test(text), JSON.stringify(text)).toBe(js.test(text));
      }),
      fuzzParameters({ numRuns: 1000 }),
    );
  });

  it('checks a top-level negative lookahead as "the rest matches and the lookahead does not"', () => {
    const user = compiled('^(?!root$)[a-z]+$');
    expect([user.test('root'), user.test('rooted'), user.test('roo'), user.test('Root')]).toEqual([false, true, true, false]);
  });

  it('costs each character its program size, and refuses to run text longer than its step budget allows', () => {
    const pattern = compiled('^(a+)+$');
    expect(pattern.cost).toBeGreaterThan(0);
    expect(pattern.cost).toBeLessThanOrEqual(MAX_PATTERN_COST);
    expect(pattern.maxTextLength).toBe(Math.floor(MAX_PATTERN_STEPS / pattern.cost));
    expect(pattern.test('a'.repeat(pattern.maxTextLength))).toBe(true);
    expect(pattern.test('a'.repeat(pattern.maxTextLength + 1))).toBe(false);
  });

  it('gives ajv a different key for every pattern (ajv shares compiled patterns by that key)', () => {
    const keys = ['^a$', '^b$', '^(?!a)b$', '^(?!a)c$'].map((p) => String(compiled(p)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the same answers after rebuilding its automaton, whatever it checked before', () => {
    const pattern = compiled('^[ab]*a[ab]{8}$');
    const js = /^[ab]*a[ab]{8}$/u;
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom('a', 'b'), { maxLength: 600 }).map((cs) => cs.join('')),
          { maxLength: 60 },
        ),
        (texts) => {
          for (const text of texts) expect(pattern.test(text)).toBe(js.test(text));
        },
      ),
      fuzzParameters({ numRuns: 30 }),
    );
  });
});
