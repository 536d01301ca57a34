/** What a string that is not well-formed Unicode is told, wherever it sits. */
export const ILL_FORMED_TEXT = 'must be well-formed Unicode text (it contains an unpaired surrogate)';

/**
 * Keys that name a built-in of every JavaScript object (`__proto__`, `constructor`,
 * `valueOf`, `toString`, …) or `prototype`: as data they pollute prototypes or make
 * libraries that call them (ajv's deep equality calls `valueOf`) throw.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A problem found in plain data, at a path of keys. */
export interface PlainDataProblem {
  path: string[];
  kind: 'ill-formed-text' | 'forbidden-key';
}

// Enough to show the problems; a hostile document could otherwise ask for one per string.
const MAX_FOUND = 20;

/**
 * Strings (and keys) in plain data that are not well-formed Unicode — lone surrogates,
 * which JSON and YAML escapes can spell but no UTF-8 file, URL or YAML library can carry —
 * and forbidden keys. Walks without recursion, so depth costs no stack.
 */
export function plainDataProblems(value: unknown): PlainDataProblem[] {
  const found: PlainDataProblem[] = [];
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length > 0 && found.length < MAX_FOUND) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!v.isWellFormed()) found.push({ path, kind: 'ill-formed-text' });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, String(i)] });
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        // The key is shown well-formed: the path itself must be printable.
        if (!key.isWellFormed()) found.push({ path: [...path, key.toWellFormed()], kind: 'ill-formed-text' });
        else if (FORBIDDEN_KEYS.has(key)) found.push({ path: [...path, key], kind: 'forbidden-key' });
        else stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return found;
}
