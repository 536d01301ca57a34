/** One piece of a JavaScript regular expression, as `tokenizePattern` splits it. */
export interface PatternToken {
  kind: 'escape' | 'class' | 'group' | 'close' | 'alternation' | 'quantifier' | 'char';
  /** The source text of the token (a whole `[…]` class for `class`). */
  text: string;
  start: number;
  end: number;
  /** Nesting depth of groups around the token (0 at the top level); a group's own token counts its outer depth. */
  depth: number;
}

/** How a group opens: `(`, `(?:`, `(?<name>`, or one of the four lookarounds. */
export type GroupKind = 'capture' | 'plain' | 'named' | 'lookahead' | 'negative-lookahead' | 'lookbehind' | 'negative-lookbehind';

/**
 * Splits a pattern that is valid under JavaScript's `u` flag into tokens. It only
 * finds boundaries (escapes, classes, groups, quantifiers); the caller has already
 * checked the syntax with `new RegExp(source, 'u')`, so malformed input is not diagnosed here.
 */
export function tokenizePattern(source: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < source.length) {
    const start = i;
    const c = source[i]!;
    let kind: PatternToken['kind'];
    if (c === '\\') {
      kind = 'escape';
      i = escapeEnd(source, i);
    } else if (c === '[') {
      kind = 'class';
      i = classEnd(source, i);
    } else if (c === '(') {
      kind = 'group';
      i = groupOpenEnd(source, i);
    } else if (c === ')') {
      kind = 'close';
      depth -= 1;
      i += 1;
    } else if (c === '|') {
      kind = 'alternation';
      i += 1;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      kind = 'quantifier';
      i = c === '{' ? source.indexOf('}', i) + 1 : i + 1;
      if (source[i] === '?') i += 1;
    } else {
      kind = 'char';
      i += String.fromCodePoint(source.codePointAt(i)!).length;
    }
    tokens.push({ kind, text: source.slice(start, i), start, end: i, depth });
    if (kind === 'group') depth += 1;
  }
  return tokens;
}

/** What a group token opens. */
export function groupKind(token: PatternToken): GroupKind {
  if (token.text === '(') return 'capture';
  if (token.text === '(?:') return 'plain';
  if (token.text === '(?=') return 'lookahead';
  if (token.text === '(?!') return 'negative-lookahead';
  if (token.text === '(?<=') return 'lookbehind';
  if (token.text === '(?<!') return 'negative-lookbehind';
  return 'named';
}

/** Where the escape that starts at `at` (a backslash) ends. */
export function escapeEnd(source: string, at: number): number {
  const next = source[at + 1];
  if (next === undefined) return at + 1;
  if (next === 'u' && source[at + 2] === '{') return source.indexOf('}', at) + 1;
  if (next === 'u') return at + 6;
  if (next === 'x') return at + 4;
  if (next === 'c') return at + 3;
  if ((next === 'p' || next === 'P') && source[at + 2] === '{') return source.indexOf('}', at) + 1;
  if (next === 'k' && source[at + 2] === '<') return source.indexOf('>', at) + 1;
  if (/[1-9]/.test(next)) {
    let end = at + 2;
    while (/[0-9]/.test(source[end] ?? '')) end += 1;
    return end;
  }
  return at + 1 + String.fromCodePoint(source.codePointAt(at + 1)!).length;
}

function classEnd(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === '^') i += 1;
  while (i < source.length && source[i] !== ']') i = source[i] === '\\' ? escapeEnd(source, i) : i + 1;
  return i + 1;
}

function groupOpenEnd(source: string, at: number): number {
  if (source[at + 1] !== '?') return at + 1;
  for (const opener of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) if (source.startsWith(opener, at)) return at + opener.length;
  // A named group: (?<name>
  return source.indexOf('>', at) + 1;
}
