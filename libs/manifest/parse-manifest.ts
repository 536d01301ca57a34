import { LRUCache } from 'lru-cache';
import valid from 'semver/functions/valid';
import componentSchema from '../../schemas/component.schema.json';
import { documentPath, error, type Diagnostic } from '../diagnostics/index.js';
import { createAjv } from './ajv-instance.js';
import { checkUpgrade } from './check-upgrade.js';
import { ILL_FORMED_TEXT, plainDataProblems } from './plain-data-problems.js';
import { MAX_GENERATED_SECRET_LENGTH } from './input-limits.js';
import type { ComponentManifest } from './manifest.js';
import { COMPONENT_NAME_RULE, parseComponentName } from './parse-component-name.js';
import { manifestTemplates } from './manifest-templates.js';
import { parseTemplate } from './parse-template.js';
import { parseYaml } from './parse-yaml.js';
import { compileSafePattern } from './safe-pattern.js';
import { dottedPath, schemaDiagnostics } from './schema-diagnostics.js';

/** A manifest is a few kilobytes (the largest shipped one under 5); the YAML library takes up to ~5 µs a byte. */
export const MAX_MANIFEST_BYTES = 32_768;

export interface ParseResult<T> {
  /** Present only when there are no error diagnostics. */
  value?: T;
  diagnostics: Diagnostic[];
}

let inputsAjv: ReturnType<typeof createAjv> | undefined;
// Versions of a component mostly declare the same inputs (68 distinct schemas in the 104 shipped versions):
// the verdict depends on the schema's text alone, so each distinct one is compiled once. '' means it compiles.
const inputsVerdicts = new LRUCache<string, string>({ max: 2000 });
let validateManifestShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Parses and validates a component manifest from YAML text: syntax, the component
 * schema, semver, the inputs schema (as JSON Schema, patterns compiled) and template
 * syntax. Every problem is reported, each with file, line and dotted path.
 */
export function parseManifest(text: string, file?: string): ParseResult<ComponentManifest> {
  const parsed = parseYaml(text, { file, maxBytes: MAX_MANIFEST_BYTES });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  return checkManifest(parsed.value, { file, locate: parsed.locate });
}

/** Validates an already-parsed manifest value (e.g. from JSON or a database row). */
export function checkManifest(
  value: unknown,
  where: { file?: string; locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined } = {},
): ParseResult<ComponentManifest> {
  validateManifestShape ??= createAjv({ checkedSchemas: true }).compile(componentSchema);
  const at = (path: string, code: Diagnostic['code'], message: string) => {
    const position = where.locate?.(path.split('.'));
    return error(code, path, message, { file: where.file, line: position?.line, column: position?.column });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { diagnostics: [at(documentPath(where.file), 'SCHEMA_VIOLATION', 'a component manifest must be a YAML mapping')] };
  }
  const problems = plainDataProblems(value);
  const diagnostics: Diagnostic[] = problems.map(({ path, kind }) =>
    kind === 'forbidden-key'
      ? at(dottedPath(path), 'YAML_FORBIDDEN_KEY', `the key "${path[path.length - 1]}" is not allowed`)
      : at(dottedPath(path), 'SCHEMA_VIOLATION', ILL_FORMED_TEXT),
  );
  // Such keys reach here only from JSON (parseYaml refuses them); ajv's deep equality would call them.
  if (problems.some((p) => p.kind === 'forbidden-key')) return { diagnostics };
  const name = (value as { metadata?: { name?: unknown } }).metadata?.name;
  // A name that is a string is checked here, so the problem reads as a sentence rather than the schema's pattern.
  const nameChecked = typeof name === 'string';
  if (nameChecked && !parseComponentName(name)) diagnostics.push(at('metadata.name', 'SCHEMA_VIOLATION', COMPONENT_NAME_RULE));
  if (!validateManifestShape(value)) {
    const refine = (d: Diagnostic, keyword: string): Diagnostic | undefined => {
      if (nameChecked && d.path === 'metadata.name') return undefined;
      if (d.path === 'metadata.version' && keyword === 'pattern')
        return { ...d, code: 'VERSION_INVALID', message: 'must be a semantic version such as 1.2.3 (see semver.org)' };
      if (d.path === 'spec.image.tag' && keyword === 'not') return { ...d, message: 'must be a pinned tag, not a moving one such as "latest"' };
      return d;
    };
    diagnostics.push(...schemaDiagnostics(validateManifestShape.errors, { code: 'SCHEMA_VIOLATION', file: where.file, locate: where.locate, refine }));
  }
  const manifest = value as ComponentManifest;
  const version = manifest.metadata?.version;
  if (typeof version === 'string' && valid(version) === null && !diagnostics.some((d) => d.path === 'metadata.version')) {
    diagnostics.push(at('metadata.version', 'VERSION_INVALID', 'must be a semantic version such as 1.2.3 (see semver.org)'));
  }
  diagnostics.push(...checkInputsSchema(manifest, at));
  diagnostics.push(...checkTemplates(manifest, at));
  if (!diagnostics.some((d) => d.path.startsWith('upgrade'))) diagnostics.push(...checkUpgrade(manifest, at));
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { value: manifest, diagnostics };
}

export type At = (path: string, code: Diagnostic['code'], message: string) => Diagnostic;

/** Checks an inputs schema beyond its shape: safe patterns, consistent bounds, generated secrets, required names declared, and that it compiles. */
export function checkInputsSchema(manifest: ComponentManifest, at: At): Diagnostic[] {
  const inputs = manifest.spec?.inputs;
  if (!isRecord(inputs) || !isRecord(inputs.properties)) return [];
  const out: Diagnostic[] = [];
  for (const [name, property] of Object.entries(inputs.properties)) {
    if (!isRecord(property)) continue;
    const base = `spec.inputs.properties.${name}`;
    if (typeof property.pattern === 'string') {
      const verdict = compileSafePattern(property.pattern);
      if ('problem' in verdict) out.push(at(`${base}.pattern`, 'INPUTS_SCHEMA_INVALID', verdict.problem));
    }
    if (typeof property.minLength === 'number' && typeof property.maxLength === 'number' && property.minLength > property.maxLength) {
      out.push(at(`${base}.maxLength`, 'INPUTS_SCHEMA_INVALID', 'must not be smaller than minLength'));
    }
    if (typeof property.minimum === 'number' && typeof property.maximum === 'number' && property.minimum > property.maximum) {
      out.push(at(`${base}.maximum`, 'INPUTS_SCHEMA_INVALID', 'must not be smaller than minimum'));
    }
    if (property['x-aisle-generate'] !== undefined) {
      if (property.type !== 'string' || property.writeOnly !== true) {
        out.push(at(`${base}.x-aisle-generate`, 'INPUTS_SCHEMA_INVALID', 'only a secret string input (writeOnly: true) can be generated'));
      } else if (typeof property.minLength === 'number' && property.minLength > MAX_GENERATED_SECRET_LENGTH) {
        out.push(at(`${base}.minLength`, 'INPUTS_SCHEMA_INVALID', `a generated secret is at most ${MAX_GENERATED_SECRET_LENGTH} characters; lower minLength`));
      }
    }
  }
  (Array.isArray(inputs.required) ? inputs.required : []).forEach((name: unknown, i) => {
    if (typeof name === 'string' && !Object.hasOwn(inputs.properties, name)) {
      out.push(at(`spec.inputs.required.${i}`, 'INPUTS_SCHEMA_INVALID', `names "${name}", which is not declared under properties`));
    }
  });
  if (out.length === 0) {
    // The schema must also compile as JSON Schema in its own right.
    // One ajv for every manifest: a new one recompiles the 2020-12 meta-schema each time (~100 ms).
    const text = JSON.stringify(inputs);
    let problem = inputsVerdicts.get(text);
    if (problem === undefined) {
      inputsAjv ??= createAjv();
      try {
        inputsAjv.compile(inputs);
        problem = '';
      } catch (e) {
        problem = `is not a valid JSON Schema: ${(e as Error).message}`;
      } finally {
        // Forget the schema again, or every manifest ever checked would stay in ajv's cache.
        inputsAjv.removeSchema(inputs);
      }
      inputsVerdicts.set(text, problem);
    }
    if (problem !== '') out.push(at('spec.inputs', 'INPUTS_SCHEMA_INVALID', problem));
  }
  return out;
}

function checkTemplates(manifest: ComponentManifest, at: At): Diagnostic[] {
  // Every templated field (manifestTemplates, read safely whatever the shape); the schema check reports wrong shapes.
  return manifestTemplates(manifest).flatMap((field) => parseTemplate(field.template).errors.map((message) => at(field.path, 'TEMPLATE_INVALID', message)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
