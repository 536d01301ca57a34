import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import { schemaDiagnostics, type Scalar } from '../manifest/index.js';
import { checkPatterns } from './check-patterns.js';
import { generateSecret } from './generate-secret.js';
import { screenInputValues, valueProblem } from './input-value-limits.js';
import { inputsPlan, type InputsOwner } from './inputs-plan.js';

export type { InputsOwner };

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
  const plan = inputsPlan(version);
  const { properties } = plan;
  // Spread defines own properties (never assigns), so no given name can reach a prototype.
  const values: Record<string, unknown> = { ...given };
  if (screened.refused.size > 0) for (const name of screened.refused) delete values[name];
  const diagnostics = screened.diagnostics;
  const generated: string[] = [];
  for (const [name, property] of plan.generated) {
    if (Object.hasOwn(given, name) && given[name] !== undefined) continue;
    const kept = options.previous?.[name];
    const problem = valueProblem(kept);
    if (problem) {
      diagnostics.push(error('INPUT_INVALID', name, problem));
      screened.refused.add(name);
      continue;
    }
    values[name] = kept !== undefined ? kept : generateSecret(property['x-aisle-generate']!, property);
    if (kept === undefined) generated.push(name);
  }
  const validate = plan.validate;
  if (!(validate instanceof Function)) return { values: values as Record<string, Scalar>, generated, diagnostics: [...diagnostics, validate] };
  const valid = validate(values);
  if (!valid) {
    const refine = (d: Diagnostic, keyword: string): Diagnostic | undefined => {
      if (keyword === 'additionalProperties')
        return error('INPUT_UNKNOWN', d.path, `is not an input of ${version.manifest.metadata.name}${didYouMean(d.path, Object.keys(properties))}`);
      if (keyword === 'required') return screened.refused.has(d.path) ? undefined : { ...d, code: 'INPUT_REQUIRED' };
      return d;
    };
    diagnostics.push(...schemaDiagnostics(validate.errors, { code: 'INPUT_INVALID', refine }));
  }
  // A refused value is not replaced by a default, and only scalars are values: the result holds what its type says.
  if (screened.refused.size > 0) for (const name of screened.refused) delete values[name];
  // Valid values of inputs all typed as scalars are scalars already: the check is for what failed or is untyped.
  if (!valid || !plan.scalarTyped)
    for (const name of Object.keys(values)) {
      const value = values[name];
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') delete values[name];
    }
  diagnostics.push(...checkPatterns(plan.patterns, values, screened.refused));
  return { values: values as Record<string, Scalar>, generated, diagnostics };
}
