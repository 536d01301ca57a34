import type { ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import {
  canonicalJson,
  compileSafePattern,
  createAjv,
  describePatternMismatch,
  describeSchemaError,
  PatternBudget,
  type Ajv,
  type InputProperty,
} from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';

let ajv: Ajv | undefined;
// Compiling is the slow part and versions repeat the same input schemas; bounded so a
// long-running service linting many publications does not grow without end.
const MAX_CACHED = 1000;
// The least recently used validator goes, and ajv forgets its schema with it (its meta-schemas stay).
const compiled = new LRUCache<string, ValidateFunction>({ max: MAX_CACHED, dispose: (validate) => ajv?.removeSchema(validate.schema) });
/** Pattern work one manifest's defaults and examples may take together (see PatternBudget). */
const MAX_PATTERN_STEPS_PER_MANIFEST = 1_000_000;

function validatorFor(schema: object): ValidateFunction {
  const key = canonicalJson(schema);
  let validate = compiled.get(key);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * Each input's default (and each example) satisfies the input's own schema: a default
 * that fails its pattern or range would make the component refuse its own defaults.
 * Patterns run on one budget of linear-time work for the whole manifest.
 */
export const defaultsValid: ManifestRule = {
  name: 'defaults-valid',
  description: "every input default and example satisfies the input's own schema",
  check(manifest) {
    const findings: RuleFinding[] = [];
    const budget = new PatternBudget(MAX_PATTERN_STEPS_PER_MANIFEST);
    const properties: unknown = manifest.spec?.inputs?.properties;
    if (typeof properties !== 'object' || properties === null) return findings;
    for (const [name, property] of Object.entries(properties)) {
      if (typeof property !== 'object' || property === null) continue;
      const base = `spec.inputs.properties.${name}`;
      const { default: value, examples, pattern, ...schema } = property as InputProperty;
      if (value === undefined && examples === undefined) continue;
      let validate: ValidateFunction;
      try {
        validate = validatorFor(schema);
      } catch (e) {
        findings.push({ path: base, message: `is not a valid schema: ${(e as Error).message}` });
        continue;
      }
      // A pattern that cannot run is parseManifest's to report (INPUTS_SCHEMA_INVALID).
      const verdict = typeof pattern === 'string' ? compileSafePattern(pattern) : undefined;
      const problem = (candidate: unknown): string | undefined => {
        const why = validate(candidate) ? [] : (validate.errors ?? []).map((e) => describeSchemaError(e));
        if (verdict && 'pattern' in verdict && typeof candidate === 'string') {
          const check = budget.check(verdict.pattern, candidate);
          // Said as people will read it: the pattern's own sentence, never the expression.
          if (check === 'mismatch') why.push(describePatternMismatch(property as InputProperty));
          if (check === 'too-long' || check === 'over-budget') why.push('is too long to check against the pattern');
        }
        return why.length > 0 ? `${JSON.stringify(candidate)} does not satisfy the input's schema: ${why.join('; ')}` : undefined;
      };
      const defaultProblem = value === undefined ? undefined : problem(value);
      if (defaultProblem) findings.push({ path: `${base}.default`, message: defaultProblem });
      (Array.isArray(examples) ? examples : []).forEach((example, i) => {
        const exampleProblem = problem(example);
        if (exampleProblem) findings.push({ path: `${base}.examples.${i}`, message: exampleProblem });
      });
    }
    return findings;
  },
};
