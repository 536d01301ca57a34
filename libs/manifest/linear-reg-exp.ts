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
