import { error, type Diagnostic } from '../diagnostics/index.js';
import { FORBIDDEN_KEYS, ILL_FORMED_TEXT, MAX_INPUT_STRING_LENGTH } from '../manifest/index.js';

export { MAX_INPUT_STRING_LENGTH };
/** Longest the string values of one call may be together, in UTF-16 code units. */
export const MAX_INPUT_TOTAL_LENGTH = 262_144;
/** Most values one call may give (a component declares at most 40 inputs). */
export const MAX_GIVEN_INPUTS = 100;
/** Longest input name looked at; declared names have at most 40 characters. */
export const MAX_INPUT_NAME_LENGTH = 64;

export interface ScreenedValues {
  diagnostics: Diagnostic[];
  /** Names whose values must not be validated further (too long, or not well-formed text). */
  refused: Set<string>;
  /** True when the call as a whole is refused: nothing else should be looked at. */
  refusedAll: boolean;
}

/**
 * Checks what a caller gives before any schema sees it: how many values, how long each
 * string and all of them together, input names of a sane length, and text that is
 * well-formed Unicode. Values are never quoted back.
 */
export function screenInputValues(given: Record<string, unknown>): ScreenedValues {
  const diagnostics: Diagnostic[] = [];
  const refused = new Set<string>();
  const names = Object.keys(given);
  if (names.length > MAX_GIVEN_INPUTS) {
    return { diagnostics: [error('INPUT_INVALID', '', `${names.length} values are given; the limit is ${MAX_GIVEN_INPUTS}`)], refused, refusedAll: true };
  }
  // One pass over the values (this runs on every call): the total is only judged at the end, and a call
  // refused as a whole drops what the pass found about single values.
  let total = 0;
  for (const name of names) {
    const value = given[name];
    if (typeof value === 'string') total += value.length;
    if (name.length > MAX_INPUT_NAME_LENGTH) {
      diagnostics.push(error('INPUT_UNKNOWN', '', `an input name of ${name.length} characters is given; input names have at most 40`));
      refused.add(name);
      continue;
    }
    // `__proto__` given as a value (JSON can) would otherwise become the prototype of the values.
    if (FORBIDDEN_KEYS.has(name)) {
      diagnostics.push(error('INPUT_UNKNOWN', name, 'is not an input: it names a built-in of JavaScript objects'));
      refused.add(name);
      continue;
    }
    const problem = valueProblem(value);
    if (problem) {
      diagnostics.push(error('INPUT_INVALID', name, problem));
      refused.add(name);
    }
  }
  if (total > MAX_INPUT_TOTAL_LENGTH) {
    return {
      diagnostics: [error('INPUT_INVALID', '', `the values given are ${total} characters in all; the limit is ${MAX_INPUT_TOTAL_LENGTH}`)],
      refused: new Set(),
      refusedAll: true,
    };
  }
  return { diagnostics, refused, refusedAll: false };
}

/** What is wrong with one value before validation, if anything: too long, or not well-formed text. */
export function valueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > MAX_INPUT_STRING_LENGTH) return `must be at most ${MAX_INPUT_STRING_LENGTH} characters`;
  if (!value.isWellFormed()) return ILL_FORMED_TEXT;
  return undefined;
}
