import type { ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import { createAjv, schemaDiagnostics, type ComponentManifest, type InputProperty, type InputsSchema, type Scalar } from '../manifest/index.js';
import { checkPatterns } from './check-patterns.js';
import { generateSecret } from './generate-secret.js';
import { screenInputValues, valueProblem } from './input-value-limits.js';

/** Validators compiled per manifest digest; a digest names immutable content, so entries never go stale. */
const MAX_CACHED = 2000;
// The least recently used validator goes, and ajv forgets its schema with it, or memory would grow with every
// published version; the meta-schemas stay (a new ajv would recompile them, ~100 ms).
const compiled = new LRUCache<string, ValidateFunction | Diagnostic>({
  max: MAX_CACHED,
  dispose: (validate) => {
    if (typeof validate === 'function') ajv?.removeSchema(validate.schema);
  },
});
// One ajv instance for all input schemas: compiling is the expensive part, and ajv caches by schema.
let ajv: ReturnType<typeof createAjv> | undefined;

export interface ValidatedInputs {
  /** Given values, defaults applied, missing generated secrets filled in. */
  values: Record<string, Scalar>;
  /** Names of the inputs whose value was generated here. */
  generated: string[];
  diagnostics: Diagnostic[];
}

export interface ValidateInputsOptions {
  /** Values to use instead of generating a secret (e.g. kept from an earlier bundle). */
  previous?: Record<string, Scalar>;
}

/**
 * Validates input values against a version's inputs schema (ajv, compiled once per
 * digest), applies defaults and generates missing secrets. Sizes and text are screened
 * first and patterns run on a bounded budget of linear-time work. Errors read
 * `password: must be at least 12 characters`, with paths relative to the inputs.
 */
export function validateInputs(
  version: { digest: string; manifest: InputsOwner },
  given: Record<string, unknown>,
  options: ValidateInputsOptions = {},
): ValidatedInputs {
  const screened = screenInputValues(given);
  if (screened.refusedAll) return { values: {}, generated: [], diagnostics: screened.diagnostics };
  const properties = declaredInputs(version.manifest);
  // Defined, not assigned: no given name can reach a prototype.
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(given).filter(([name]) => !screened.refused.has(name)));
  const diagnostics = [...screened.diagnostics];
  const generated: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if ((Object.hasOwn(given, name) && given[name] !== undefined) || property['x-aisle-generate'] === undefined) continue;
    const kept = options.previous?.[name];
    const problem = valueProblem(kept);
    if (problem) {
      diagnostics.push(error('INPUT_INVALID', name, problem));
      screened.refused.add(name);
      continue;
    }
    values[name] = kept !== undefined ? kept : generateSecret(property['x-aisle-generate'], property);
    if (kept === undefined) generated.push(name);
  }
  const validate = validatorFor(version, properties);
  if (!(validate instanceof Function)) return { values: values as Record<string, Scalar>, generated, diagnostics: [...diagnostics, validate] };
  if (!validate(values)) {
    const refine = (d: Diagnostic, keyword: string): Diagnostic | undefined => {
      if (keyword === 'additionalProperties')
        return error('INPUT_UNKNOWN', d.path, `is not an input of ${version.manifest.metadata.name}${didYouMean(d.path, Object.keys(properties))}`);
      if (keyword === 'required') return screened.refused.has(d.path) ? undefined : { ...d, code: 'INPUT_REQUIRED' };
      return d;
    };
    diagnostics.push(...schemaDiagnostics(validate.errors, { code: 'INPUT_INVALID', refine }));
  }
  // A refused value is not replaced by a default, and only scalars are values: the result holds what its type says.
  for (const name of screened.refused) delete values[name];
  for (const [name, value] of Object.entries(values))
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') delete values[name];
  diagnostics.push(...checkPatterns(properties, values, screened.refused));
  return { values: values as Record<string, Scalar>, generated, diagnostics };
}

/** What declares inputs: a component manifest, or a kit (whose digest never equals a component's). */
export type InputsOwner = Pick<ComponentManifest, 'metadata'> & { spec: Pick<ComponentManifest['spec'], 'inputs'> };

/** The declared inputs; a stored manifest is read as it is, so anything else counts as none. */
function declaredInputs(manifest: InputsOwner): Record<string, InputProperty> {
  const properties: unknown = manifest.spec?.inputs?.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter(([, p]) => typeof p === 'object' && p !== null && !Array.isArray(p))) as Record<
    string,
    InputProperty
  >;
}

function validatorFor(version: { digest: string; manifest: InputsOwner }, properties: Record<string, InputProperty>): ValidateFunction | Diagnostic {
  let validate = compiled.get(version.digest);
  if (!validate) {
    // Every version's inputs schema passed checkInputsSchema (meta-schema included) when its manifest or kit was parsed.
    ajv ??= createAjv({ useDefaults: true, checkedSchemas: true });
    try {
      validate = ajv.compile(withoutPatterns(version.manifest.spec.inputs, properties));
    } catch {
      validate = error(
        'INPUTS_SCHEMA_INVALID',
        'inputs',
        `${version.manifest.metadata?.name ?? 'this component'} declares an inputs schema that cannot be compiled; ask the publisher for a new version`,
      );
    }
    compiled.set(version.digest, validate);
  }
  return validate;
}

/** Patterns are checked by checkPatterns, on one budget for the whole call, not by ajv. */
function withoutPatterns(inputs: InputsSchema, properties: Record<string, InputProperty>): object {
  const stripped = Object.fromEntries(Object.entries(properties).map(([name, { pattern: _pattern, ...rest }]) => [name, rest]));
  return { ...inputs, additionalProperties: false, properties: stripped };
}

/** How many validators are compiled (for tests of the cache). */
export function compiledValidatorCount(): number {
  return compiled.size;
}
