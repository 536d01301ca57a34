import type { ValidateFunction } from 'ajv';
import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import { createAjv, schemaDiagnostics, type ComponentManifest, type Scalar } from '../manifest/index.js';
import { generateSecret } from './generate-secret.js';

/** Validators compiled per manifest digest; a digest names immutable content, so entries never go stale. */
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 2000;
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
 * digest), applies defaults and generates missing secrets. Errors read
 * `password: must be at least 12 characters`, with paths relative to the inputs.
 */
export function validateInputs(
  version: { digest: string; manifest: ComponentManifest },
  given: Record<string, unknown>,
  options: ValidateInputsOptions = {},
): ValidatedInputs {
  const properties = version.manifest.spec.inputs.properties;
  const values: Record<string, unknown> = { ...given };
  const generated: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (values[name] !== undefined || property['x-aisle-generate'] === undefined) continue;
    const kept = options.previous?.[name];
    values[name] = kept !== undefined ? kept : generateSecret(property['x-aisle-generate'], property);
    if (kept === undefined) generated.push(name);
  }
  const validate = validatorFor(version);
  const diagnostics: Diagnostic[] = [];
  if (!validate(values)) {
    for (const d of schemaDiagnostics(validate.errors, { code: 'INPUT_INVALID' })) {
      if (d.message.startsWith('is not a known field')) {
        const name = d.path;
        diagnostics.push(error('INPUT_UNKNOWN', name, `is not an input of ${version.manifest.metadata.name}${didYouMean(name, Object.keys(properties))}`));
      } else if (d.message === 'is required') {
        diagnostics.push({ ...d, code: 'INPUT_REQUIRED' });
      } else diagnostics.push(d);
    }
  }
  return { values: values as Record<string, Scalar>, generated, diagnostics };
}

function validatorFor(version: { digest: string; manifest: ComponentManifest }): ValidateFunction {
  let validate = compiled.get(version.digest);
  if (!validate) {
    ajv ??= createAjv({ useDefaults: true });
    // Forget ajv's own schema cache along with ours, or memory would grow with every published version.
    if (compiled.size >= MAX_CACHED) {
      compiled.clear();
      ajv = createAjv({ useDefaults: true });
    }
    validate = ajv.compile({ ...version.manifest.spec.inputs, additionalProperties: false });
    compiled.set(version.digest, validate);
  }
  return validate;
}

/** How many validators are compiled (for tests of the cache). */
export function compiledValidatorCount(): number {
  return compiled.size;
}
