import type * as Re2js from 're2js';
import type { RE2JS } from 're2js';
import { groupKind, tokenizePattern } from './pattern-tokens.js';
import { toRe2Syntax } from './re2-syntax.js';
import { ILL_FORMED_TEXT } from './plain-data-problems.js';
import { LRUCache } from 'lru-cache';

/** Longest pattern a publisher may declare, in characters. */
export const MAX_PATTERN_LENGTH = 500;
/** Largest RE2 program a pattern may compile to: its cost per character checked. */
export const MAX_PATTERN_COST = 1000;
/**
 * Most work one check may take, as characters × program size. RE2's lazy DFA and its NFA
 * fallback do at most one program step per character and instruction; at the slowest
 * measured (~130 ns per step on a loaded 2-core machine) this is ~30 ms.
 */
export const MAX_PATTERN_STEPS = 250_000;
// A compiled RE2 keeps the DFA states it has built; rebuilding after this many checked
// characters bounds what hostile values can make it keep (re2js caps one DFA at 8 MB).
const RECOMPILE_AFTER_CHARACTERS = 16_384;
const MAX_CACHED = 2000;

/** A publisher's pattern, compiled to run in linear time. */
export interface SafePattern {
  /** RE2 program size: the steps one character costs. */
  readonly cost: number;
  /** Longest text `test` checks; longer text is refused unchecked. */
  readonly maxTextLength: number;
  /** True when the pattern matches somewhere in `text` (JSON Schema `pattern` semantics); false for text over maxTextLength. */
  test(text: string): boolean;
}

/** A compiled pattern, or the plain sentence that says why it is refused (never quoting it). */
export type PatternVerdict = { pattern: SafePattern } | { problem: string };

const verdicts = new LRUCache<string, PatternVerdict>({ max: MAX_CACHED });

let re2js: typeof Re2js | undefined;

/** re2js, loaded when a pattern is first compiled: runs that check no pattern (a cached catalog) never load it. */
function re2(): typeof Re2js {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it on every run
  return (re2js ??= require('re2js') as typeof Re2js);
}

/**
 * Compiles a JSON Schema `pattern` (ECMAScript syntax with the `u` flag) for RE2, which runs
 * in time linear in the text, whatever the pattern. A pattern RE2 cannot express, or one
 * whose program is too large to run quickly, is refused with a reason. One negative
 * lookahead at the top level, `^P(?!L)R`, is checked as "matches ^PR and not ^P(?:L)" —
 * the same rewrite Helm charts get, equal to ECMAScript's reading whenever P can match
 * only one prefix of a value (as in every shipped pattern).
 */
export function compileSafePattern(source: string): PatternVerdict {
  let verdict = verdicts.get(source);
  if (!verdict) {
    verdict = compile(source);
    verdicts.set(source, verdict);
  }
  return verdict;
}

function compile(source: string): PatternVerdict {
  if (source.length > MAX_PATTERN_LENGTH) return { problem: `is ${source.length} characters long; a pattern may have at most ${MAX_PATTERN_LENGTH}` };
  if (!source.isWellFormed()) return { problem: ILL_FORMED_TEXT };
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return { problem: `is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  const parts = splitLookahead(source);
  if ('problem' in parts) return parts;
  const compiled: RE2JS[] = [];
  for (const part of [parts.allowed, parts.forbidden]) {
    if (part === undefined) continue;
    const syntax = toRe2Syntax(part);
    if ('problem' in syntax) return syntax;
    try {
      compiled.push(re2().RE2JS.compile(syntax.re2));
    } catch (e) {
      return { problem: re2Problem(e) };
    }
  }
  const cost = compiled.reduce((sum, re) => sum + re.programSize(), 0);
  if (cost > MAX_PATTERN_COST)
    return {
      problem: `is too complex to check quickly: it costs ${cost} steps per character checked, and the limit is ${MAX_PATTERN_COST}; use fewer or smaller repetition counts`,
    };
  return { pattern: new LinearPattern(compiled[0]!, compiled[1], cost) };
}

/** `^P(?!L)R` as its allowed form `^PR` and forbidden form `^P(?:L)`; anything else without lookarounds as is. */
export function splitLookahead(source: string): { allowed: string; forbidden?: string } | { problem: string } {
  const tokens = tokenizePattern(source);
  const lookarounds = tokens.filter((t) => t.kind === 'group' && !['capture', 'plain', 'named'].includes(groupKind(t)));
  if (lookarounds.length === 0) return { allowed: source };
  if (lookarounds.some((t) => groupKind(t) === 'lookbehind' || groupKind(t) === 'negative-lookbehind')) {
    return { problem: 'uses a lookbehind, which cannot be checked in linear time; rewrite it without one' };
  }
  const open = lookarounds[0]!;
  const supported =
    lookarounds.length === 1 &&
    groupKind(open) === 'negative-lookahead' &&
    open.depth === 0 &&
    tokens[0]?.text === '^' &&
    !tokens.some((t) => t.kind === 'alternation' && t.depth === 0);
  if (!supported) {
    return {
      problem:
        'uses a lookahead that cannot be checked in linear time; only one negative lookahead (?!…) is supported, outside any group, in a pattern that starts with ^ and has no | outside groups',
    };
  }
  const close = tokens.find((t) => t.kind === 'close' && t.depth === 0 && t.start > open.start)!;
  const prefix = source.slice(0, open.start);
  return { allowed: prefix + source.slice(close.end), forbidden: `${prefix}(?:${source.slice(open.end, close.start)})` };
}

function re2Problem(e: unknown): string {
  const reason = e instanceof re2().RE2JSSyntaxException ? e.error : '';
  if (reason === 'invalid repeat count') return 'repeats a part more than 1000 times (nested repetitions multiply); the linear-time engine allows at most 1000';
  if (reason === 'invalid character class range')
    return 'names a Unicode property the linear-time engine does not know; use a General_Category such as \\p{L} or a script such as \\p{Script=Greek}';
  if (reason === 'expression nests too deeply') return 'nests groups too deeply';
  if (reason === 'expression too large') return `is too complex to check quickly; the limit is ${MAX_PATTERN_COST} steps per character checked`;
  return 'uses syntax the linear-time engine does not support';
}

class LinearPattern implements SafePattern {
  readonly maxTextLength: number;
  private checkedSinceCompile = 0;

  constructor(
    private allowed: RE2JS,
    private forbidden: RE2JS | undefined,
    readonly cost: number,
  ) {
    this.maxTextLength = Math.floor(MAX_PATTERN_STEPS / Math.max(cost, 1));
  }

  test(text: string): boolean {
    if (text.length > this.maxTextLength) return false;
    this.checkedSinceCompile += text.length;
    if (this.checkedSinceCompile > RECOMPILE_AFTER_CHARACTERS) {
      this.checkedSinceCompile = text.length;
      this.allowed = re2().RE2JS.compile(this.allowed.pattern());
      this.forbidden = this.forbidden && re2().RE2JS.compile(this.forbidden.pattern());
    }
    return this.allowed.test(text) && !(this.forbidden?.test(text) ?? false);
  }

  toString(): string {
    // ajv keys its compiled patterns by this text: it must differ for every pattern.
    return `/${this.allowed.pattern()}/${this.forbidden ? ` not /${this.forbidden.pattern()}/` : ''}`;
  }
}
