import type { ValidateFunction } from 'ajv';
import { linearRegExp } from '../manifest/linear-reg-exp.js';

/** Standalone validator code by manifest digest, offered by the catalog cache that stored it beside the versions. */
const offered = new Map<string, string>();

/**
 * Takes inputs validators written out by inputsValidatorCode into the catalog cache, so a
 * warm CLI run neither loads nor runs the ajv compiler. Only the catalog cache calls this:
 * the code is run, so it is trusted exactly as far as the cache file it came in.
 */
export function offerPrecompiledValidators(codes: Readonly<Record<string, string>>): void {
  for (const [digest, code] of Object.entries(codes)) offered.set(digest, code);
}

/** The validator offered for this digest, made runnable, or undefined (the caller compiles one). */
export function precompiledValidator(digest: string): ValidateFunction | undefined {
  const code = offered.get(digest);
  if (code === undefined) return undefined;
  offered.delete(digest);
  const module = { exports: {} as { default?: ValidateFunction } };
  // ajv's CommonJS standalone code: it requires ajv's small runtime helpers and calls linearRegExp by name.
  new Function('module', 'exports', 'require', 'linearRegExp', code)(module, module.exports, require, linearRegExp);
  return module.exports.default;
}
