import type { ValidateFunction } from 'ajv';
import { canonicalJson, createAjv, type Ajv, type InputProperty } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';

let ajv: Ajv | undefined;
// Compiling is the slow part and versions repeat the same input schemas; bounded so a
// long-running service linting many publications does not grow without end.
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 1000;

function validatorFor(schema: object): ValidateFunction {
  const key = canonicalJson(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_CACHED) {
      compiled.clear();
      ajv = undefined;
    }
    ajv ??= createAjv();
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * Each input's default (and each example) satisfies the input's own schema: a default
 * that fails its pattern or range would make the component refuse its own defaults.
 */
export const defaultsValid: ManifestRule = {
  name: 'defaults-valid',
  description: "every input default and example satisfies the input's own schema",
  check(manifest) {
    const findings: RuleFinding[] = [];
    for (const [name, property] of Object.entries(manifest.spec?.inputs?.properties ?? {})) {
      if (typeof property !== 'object' || property === null) continue;
      const base = `spec.inputs.properties.${name}`;
      const { default: value, examples, ...schema } = property as InputProperty;
      if (value === undefined && examples === undefined) continue;
      let validate: ValidateFunction;
      try {
        validate = validatorFor(schema);
      } catch (e) {
        findings.push({ path: base, message: `is not a valid schema: ${(e as Error).message}` });
        continue;
      }
      const why = () => (validate.errors ?? []).map((e) => e.message).join('; ');
      if (value !== undefined && !validate(value)) findings.push({ path: `${base}.default`, message: `${JSON.stringify(value)} does not satisfy the input's schema: ${why()}` });
      (examples ?? []).forEach((example, i) => {
        if (!validate(example)) findings.push({ path: `${base}.examples.${i}`, message: `${JSON.stringify(example)} does not satisfy the input's schema: ${why()}` });
      });
    }
    return findings;
  },
};
