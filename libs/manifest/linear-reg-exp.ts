import { compileSafePattern, type SafePattern } from './safe-pattern.js';

/**
 * ajv's regular-expression engine, replaced: every `pattern` any schema declares runs on
 * RE2 in linear time (compileSafePattern), so no schema can make validation backtrack.
 * `code` names it in a precompiled (standalone) validator, which imports it by that name.
 */
export const linearRegExp = Object.assign(
  (source: string): SafePattern => {
    const verdict = compileSafePattern(source);
    // Compiling a schema with such a pattern fails; parseManifest reports it first, with its path.
    if ('problem' in verdict) throw new Error(`the pattern ${verdict.problem}`);
    return verdict.pattern;
  },
  { code: 'linearRegExp' },
);

/**
 * linearRegExp compiled on the first test rather than when called: a precompiled validator
 * builds its patterns when its module loads, and RE2 (its package and each pattern) would
 * then cost every command that only imports the validator. For fixed schemas whose patterns
 * are known to compile (Aisle's own, tested).
 */
export function lazyLinearRegExp(source: string): Pick<SafePattern, 'test'> {
  let compiled: SafePattern | undefined;
  return { test: (text: string) => (compiled ??= linearRegExp(source)).test(text) };
}
