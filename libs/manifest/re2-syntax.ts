import { escapeEnd, groupKind, tokenizePattern, type PatternToken } from './pattern-tokens.js';

/** A JavaScript pattern rewritten for RE2 with the same meaning, or why it cannot be. */
export type Re2Syntax = { re2: string } | { problem: string };

// JavaScript's \s: WhiteSpace and LineTerminator (ECMA-262 22.2.2.9). RE2's \s is ASCII only.
const SPACE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const SPACE = classBody(SPACE_RANGES);
const NOT_SPACE = classBody(complement(SPACE_RANGES));
// JavaScript's `.` stops at every line terminator; RE2's only at \n.
const ANY_BUT_LINE_END = '[^\\n\\r\\x{2028}\\x{2029}]';
const NOTHING = '[^\\x{0}-\\x{10FFFF}]';
const ANYTHING = '[\\x{0}-\\x{10FFFF}]';
// Escapes that mean the same in both dialects (ASCII classes and word boundaries without the `i` flag).
const SAME_ESCAPES = new Set(['d', 'D', 'w', 'W', 'b', 'B', 't', 'n', 'f', 'r']);

const BACKREFERENCE = 'uses a backreference (\\1 or \\k<name>), which cannot be checked in linear time; rewrite it without one';
const LOOKAROUND = 'uses a lookahead or lookbehind here, which cannot be checked in linear time';
const LONE_SURROGATE = 'matches a lone surrogate, which no accepted value can contain';

/**
 * Rewrites a pattern that is valid under JavaScript's `u` flag (JSON Schema's dialect) into
 * RE2 syntax matching exactly the same strings: `.`, `\s` and `\S` are spelled out (RE2's are
 * narrower or wider), escapes become `\x{…}`, and `[`/`^` inside classes are escaped (RE2
 * reads `[[:alpha:]]` as a POSIX class). Backreferences and lookarounds have no RE2 form.
 */
export function toRe2Syntax(source: string): Re2Syntax {
  let out = '';
  const tokens = tokenizePattern(source);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.kind) {
      case 'escape': {
        const pair = surrogatePair(token, tokens[i + 1]);
        if (pair !== undefined) {
          out += codePoint(pair);
          i += 1;
          continue;
        }
        const translated = escape(token.text, false);
        if ('problem' in translated) return translated;
        out += translated.re2;
        break;
      }
      case 'class': {
        const translated = characterClass(token.text);
        if ('problem' in translated) return translated;
        out += translated.re2;
        break;
      }
      case 'group': {
        const kind = groupKind(token);
        if (kind !== 'capture' && kind !== 'plain' && kind !== 'named') return { problem: LOOKAROUND };
        out += kind === 'named' ? `(?P<${token.text.slice(3)}` : token.text;
        break;
      }
      case 'char':
        out += token.text === '.' ? ANY_BUT_LINE_END : token.text;
        break;
      default:
        out += token.text;
    }
  }
  return { re2: out };
}

function escape(text: string, inClass: boolean): Re2Syntax {
  const letter = text[1]!;
  if (SAME_ESCAPES.has(letter)) return { re2: inClass && letter === 'b' ? '\\x{8}' : text };
  switch (letter) {
    case 's':
      return { re2: inClass ? SPACE : `[${SPACE}]` };
    case 'S':
      return { re2: inClass ? NOT_SPACE : `[${NOT_SPACE}]` };
    case 'v':
      return { re2: '\\x{B}' };
    case '0':
      return { re2: '\\x{0}' };
    case 'c':
      return { re2: codePoint(text.charCodeAt(2) % 32) };
    case 'x':
      return { re2: codePoint(parseInt(text.slice(2), 16)) };
    case 'u': {
      const value = parseInt(text[2] === '{' ? text.slice(3, -1) : text.slice(2), 16);
      return value >= 0xd800 && value <= 0xdfff ? { problem: LONE_SURROGATE } : { re2: codePoint(value) };
    }
    case 'p':
    case 'P':
      return { re2: `\\${letter}{${text.slice(3, -1).replace(/^(General_Category|gc|Script|sc)=/, '')}}` };
    case 'k':
      return { problem: BACKREFERENCE };
    default:
      if (/[1-9]/.test(letter)) return { problem: BACKREFERENCE };
      // An identity escape of a syntax character (or `-` in a class): the character itself.
      return { re2: codePoint(text.codePointAt(1)!) };
  }
}

function characterClass(text: string): Re2Syntax {
  const negated = text[1] === '^';
  const body = text.slice(negated ? 2 : 1, -1);
  if (body === '') return { re2: negated ? ANYTHING : NOTHING };
  let out = negated ? '[^' : '[';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '\\') {
      const end = escapeEnd(body, i);
      const text = body.slice(i, end);
      const next = body[end] === '\\' ? body.slice(end, escapeEnd(body, end)) : '';
      const pair = pairValue(text, next);
      if (pair !== undefined) {
        out += codePoint(pair);
        i = end + next.length;
        continue;
      }
      const translated = escape(text, true);
      if ('problem' in translated) return translated;
      out += translated.re2;
      i = end;
    } else {
      const char = String.fromCodePoint(body.codePointAt(i)!);
      out += c === '[' || c === '^' ? `\\${c}` : char;
      i += char.length;
    }
  }
  return { re2: `${out}]` };
}

function surrogatePair(token: PatternToken, next: PatternToken | undefined): number | undefined {
  return next?.kind === 'escape' ? pairValue(token.text, next.text) : undefined;
}

/** `\uD83D\uDE00` written as two escapes is one code point under the `u` flag. */
function pairValue(high: string, low: string): number | undefined {
  const h = /^\\u([dD][89abAB][0-9a-fA-F]{2})$/.exec(high)?.[1];
  const l = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})$/.exec(low)?.[1];
  if (h === undefined || l === undefined) return undefined;
  return (parseInt(h, 16) - 0xd800) * 0x400 + (parseInt(l, 16) - 0xdc00) + 0x10000;
}

function codePoint(value: number): string {
  return `\\x{${value.toString(16).toUpperCase()}}`;
}

function classBody(ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges.map(([from, to]) => (from === to ? codePoint(from) : `${codePoint(from)}-${codePoint(to)}`)).join('');
}

function complement(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  out.push([next, 0x10ffff]);
  return out;
}
