import type { ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { compileSafePattern, createAjv, type ComponentManifest, type InputProperty, type InputsSchema, type PatternVerdict } from '../manifest/index.js';
import { precompiledValidator } from './precompiled-validators.js';

/** What declares inputs: a component manifest, or a kit (whose digest never equals a component's). */
export type InputsOwner = Pick<ComponentManifest, 'metadata'> & { spec: Pick<ComponentManifest['spec'], 'inputs'> };

/** One declared pattern, compiled (or refused) once for its version. */
export interface PlannedPattern {
  name: string;
  property: InputProperty;
  verdict: PatternVerdict;
}

/**
 * Everything about a version's inputs that does not depend on the values given: worked out
 * once per manifest digest, so a warm call of validateInputs only looks at the values.
 */
export interface InputsPlan {
  properties: Record<string, InputProperty>;
  /** Inputs with `x-aisle-generate`, in declaration order. */
  generated: Array<[string, InputProperty]>;
  /** Inputs with a pattern, in declaration order. */
  patterns: PlannedPattern[];
  /** Whether every input declares one scalar type, so a value the validator accepted is a scalar. */
  scalarTyped: boolean;
  validate: ValidateFunction | Diagnostic;
}

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/** Plans kept per manifest digest; a digest names immutable content, so entries never go stale. */
const MAX_CACHED = 2000;
// The least recently used plan goes, and ajv forgets its schema with it, or memory would grow with every
// published version; the meta-schemas stay (a new ajv would recompile them, ~100 ms).
const plans = new LRUCache<string, InputsPlan>({
  max: MAX_CACHED,
  dispose: (plan) => {
    // A precompiled validator was never in ajv (and removeSchema(undefined) would empty it).
    if (typeof plan.validate === 'function' && plan.validate.schema !== undefined) ajv?.removeSchema(plan.validate.schema);
  },
});
// One ajv instance for all input schemas: compiling is the expensive part, and ajv caches by schema.
let ajv: ReturnType<typeof createAjv> | undefined;

/** The plan of a version's inputs, built on its first use. */
export function inputsPlan(version: { digest: string; manifest: InputsOwner }): InputsPlan {
  let plan = plans.get(version.digest);
  if (!plan) {
    const properties = declaredInputs(version.manifest);
    const entries = Object.entries(properties);
    plan = {
      properties,
      generated: entries.filter(([, p]) => p['x-aisle-generate'] !== undefined),
      patterns: entries
        .filter(([, p]) => typeof p.pattern === 'string')
        .map(([name, property]) => ({ name, property, verdict: compileSafePattern(property.pattern!) })),
      scalarTyped: entries.every(([, p]) => SCALAR_TYPES.has(p.type as string)),
      validate: precompiledValidator(version.digest) ?? compileValidator(version.manifest, properties),
    };
    plans.set(version.digest, plan);
  }
  return plan;
}

/** How many plans (and so compiled validators) are kept, for tests of the cache. */
export function compiledValidatorCount(): number {
  return plans.size;
}

/**
 * A version's inputs validator as ajv standalone (CommonJS) code, for the catalog cache to
 * store and offer back to later runs (precompiled-validators.ts); undefined when there is none.
 */
export function inputsValidatorCode(version: { digest: string; manifest: InputsOwner }): string | undefined {
  const { validate } = inputsPlan(version);
  if (typeof validate !== 'function' || !validate.source || !ajv) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only a run that writes the cache needs it
  const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: object, validate: ValidateFunction) => string }).default;
  return standaloneCode(ajv, validate);
}

/** The declared inputs; a stored manifest is read as it is, so anything else counts as none. */
function declaredInputs(manifest: InputsOwner): Record<string, InputProperty> {
  const properties: unknown = manifest.spec?.inputs?.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter(([, p]) => typeof p === 'object' && p !== null && !Array.isArray(p))) as Record<
    string,
    InputProperty
  >;
}

function compileValidator(manifest: InputsOwner, properties: Record<string, InputProperty>): ValidateFunction | Diagnostic {
  // Every version's inputs schema passed checkInputsSchema (meta-schema included) when its manifest or kit was parsed.
  // Each validator keeps its source, for inputsValidatorCode.
  ajv ??= createAjv({ useDefaults: true, checkedSchemas: true, standalone: 'cjs' });
  try {
    return ajv.compile(withoutPatterns(manifest.spec.inputs, properties));
  } catch {
    return error(
      'INPUTS_SCHEMA_INVALID',
      'inputs',
      `${manifest.metadata?.name ?? 'this component'} declares an inputs schema that cannot be compiled; ask the publisher for a new version`,
    );
  }
}

/** Patterns are checked by checkPatterns, on one budget for the whole call, not by ajv. */
function withoutPatterns(inputs: InputsSchema, properties: Record<string, InputProperty>): object {
  const stripped = Object.fromEntries(Object.entries(properties).map(([name, { pattern: _pattern, ...rest }]) => [name, rest]));
  return { ...inputs, additionalProperties: false, properties: stripped };
}
