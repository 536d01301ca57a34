import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { compileSafePattern, type SafePattern } from './safe-pattern.js';

// Both packages are CommonJS with a `default` export; under nodenext the default import is the module object.
const Ajv2020 = ((Ajv2020Import as unknown as { default?: unknown }).default ?? Ajv2020Import) as typeof Ajv2020Import;
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as typeof addFormatsImport;

export type Ajv = InstanceType<typeof Ajv2020>;

/**
 * ajv's regular-expression engine, replaced: every `pattern` any schema declares runs on
 * RE2 in linear time (compileSafePattern), so no schema can make validation backtrack.
 */
const linearRegExp = Object.assign(
  (source: string): SafePattern => {
    const verdict = compileSafePattern(source);
    // Compiling a schema with such a pattern fails; parseManifest reports it first, with its path.
    if ('problem' in verdict) throw new Error(`the pattern ${verdict.problem}`);
    return verdict.pattern;
  },
  { code: 'aisle-linear-regexp' },
);

/**
 * A fresh ajv (draft 2020-12) configured the way Aisle validates everything: all
 * errors at once, formats, patterns run in linear time, and the `x-aisle-*` annotation
 * keywords allowed.
 */
export function createAjv(options: { useDefaults?: boolean } = {}): Ajv {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    verbose: true,
    useDefaults: options.useDefaults ?? false,
    unicodeRegExp: true,
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-aisle-generate', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-aisle-pattern-message', schemaType: 'string' });
  return ajv;
}
