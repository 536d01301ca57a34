import { createAjv, type Ajv, type InputProperty } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';

let ajv: Ajv | undefined;

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
      ajv ??= createAjv();
      let validate;
      try {
        validate = ajv.compile(schema);
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
