import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../test/fuzz/fuzz-config.js';
import { toRe2Syntax } from './re2-syntax.js';

/** The translated pattern, compiled by RE2. */
function re2(source: string): RE2JS {
  const translated = toRe2Syntax(source);
  if ('problem' in translated) throw new Error(translated.problem);
  return RE2JS.compile(translated.re2);
}

// Characters where JavaScript and RE2 disagree unless translated: line ends, Unicode spaces, astral text.
const TRICKY = [
  'a',
  'b',
  '-',
  ' ',
  '\n',
  '\r',
  '\t',
  '\v',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u3000',
  '\u0085',
  '\u200b',
  '😀',
  '[',
  ']',
  '^',
  '/',
  'é',
  '_',
  '0',
];

const atom: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    '-',
    ' ',
    '.',
    '\\s',
    '\\S',
    '\\d',
    '\\w',
    '\\W',
    '\\b',
    '\\B',
    '\\/',
    '\\.',
    '\\u00a0',
    '\\u{1F600}',
    '\\uD83D\\uDE00',
    '\\x41',
    '\\cJ',
    '\\0',
    '\\v',
    '😀',
    'é',
  ),
  fc.constantFrom(
    '[\\s]',
    '[\\S]',
    '[^\\s]',
    '[^\\S]',
    '[a\\s-]',
    '[\\S\\d]',
    '[[]',
    '[a^]',
    '[\\b]',
    '[\\-a]',
    '[^]',
    '[]',
    '[😀-😂]',
    '[\\u2028\\u2029]',
    '[\\w.]',
    '[\\p{Lu}]',
    '[\\p{Script=Greek}a]',
  ),
  fc.constantFrom('\\p{L}', '\\P{L}', '\\p{Lu}', '\\p{gc=Nd}', '\\p{Script=Latin}'),
);

const pattern: fc.Arbitrary<string> = fc.letrec<{ p: string; seq: string }>((tie) => ({
  seq: fc
    .array(fc.oneof({ maxDepth: 3, depthIdentifier: 'group' }, { weight: 4, arbitrary: atom }, { weight: 1, arbitrary: tie('p').map((p) => `(?:${p})`) }), {
      minLength: 1,
      maxLength: 4,
    })
    .chain((items) =>
      fc.tuple(fc.constant(items), fc.array(fc.constantFrom('', '', '*', '+', '?', '{1,2}', '*?'), { minLength: items.length, maxLength: items.length })),
    )
    .map(([items, quantifiers]) => items.map((item, i) => item + quantifiers[i]).join('')),
  p: fc
    .array(tie('seq'), { minLength: 1, maxLength: 2 })
    .chain((alts) => fc.tuple(fc.constant(alts.join('|')), fc.boolean(), fc.boolean()))
    .map(([body, start, end]) => `${start ? '^' : ''}(?:${body})${end ? '$' : ''}`),
})).p;

function isPattern(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

describe('toRe2Syntax', () => {
  it('matches exactly what JavaScript matches, for generated patterns and texts', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.array(
          fc.array(fc.constantFrom(...TRICKY), { maxLength: 8 }).map((cs) => cs.join('')),
          { minLength: 1, maxLength: 8 },
        ),
        (source, texts) => {
          // Generated quantifiers may land on assertions (`\\b*`), which JavaScript refuses: those are not patterns.
          fc.pre(isPattern(source));
          const js = new RegExp(source, 'u');
          const translated = re2(source);
          for (const text of texts) expect(translated.test(text), `${JSON.stringify(source)} on ${JSON.stringify(text)}`).toBe(js.test(text));
        },
      ),
      fuzzParameters({ numRuns: 500 }),
    );
  });

  it('spells out \\s, \\S and . exactly as JavaScript reads them, for every BMP character', () => {
    const space = re2('^\\s$');
    const notSpace = re2('^[\\S]$');
    const dot = re2('^.$');
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = String.fromCharCode(c);
      expect(space.test(text)).toBe(/^\s$/u.test(text));
      expect(notSpace.test(text)).toBe(/^[\S]$/u.test(text));
      expect(dot.test(text)).toBe(/^.$/u.test(text));
    }
  });

  it.each([
    ['^(a)\\1$', /backreference/],
    ['^(?<x>a)\\k<x>$', /backreference/],
    ['a(?=b)', /lookahead or lookbehind/],
    ['^\\uD800$', /lone surrogate/],
    ['^[\\uDC00]$', /lone surrogate/],
  ])('has no RE2 form for %s', (source, reason) => {
    const translated = toRe2Syntax(source);
    expect('problem' in translated && translated.problem).toMatch(reason);
  });
});
