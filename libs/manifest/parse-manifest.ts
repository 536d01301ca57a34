import semver from 'semver';
import componentSchema from '../../schemas/component.schema.json';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { createAjv } from './ajv-instance.js';
import type { ComponentManifest } from './manifest.js';
import { COMPONENT_NAME_RULE, parseComponentName } from './parse-component-name.js';
import { parseTemplate } from './parse-template.js';
import { parseYaml } from './parse-yaml.js';
import { schemaDiagnostics } from './schema-diagnostics.js';

export interface ParseResult<T> {
  /** Present only when there are no error diagnostics. */
  value?: T;
  diagnostics: Diagnostic[];
}

let inputsAjv: ReturnType<typeof createAjv> | undefined;
let validateManifestShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Parses and validates a component manifest from YAML text: syntax, the component
 * schema, semver, the inputs schema (as JSON Schema, patterns compiled) and template
 * syntax. Every problem is reported, each with file, line and dotted path.
 */
export function parseManifest(text: string, file?: string): ParseResult<ComponentManifest> {
  const parsed = parseYaml(text, file);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  return checkManifest(parsed.value, { file, locate: parsed.locate });
}

/** Validates an already-parsed manifest value (e.g. from JSON or a database row). */
export function checkManifest(
  value: unknown,
  where: { file?: string; locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined } = {},
): ParseResult<ComponentManifest> {
  validateManifestShape ??= createAjv().compile(componentSchema);
  const at = (path: string, code: Diagnostic['code'], message: string) => {
    const position = where.locate?.(path.split('.'));
    return error(code, path, message, { file: where.file, line: position?.line, column: position?.column });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { diagnostics: [at('', 'SCHEMA_VIOLATION', 'a component manifest must be a YAML mapping')] };
  }
  const diagnostics: Diagnostic[] = [];
  const name = (value as { metadata?: { name?: unknown } }).metadata?.name;
  // A name that is a string is checked here, so the problem reads as a sentence rather than the schema's pattern.
  const nameChecked = typeof name === 'string';
  if (nameChecked && !parseComponentName(name)) diagnostics.push(at('metadata.name', 'SCHEMA_VIOLATION', COMPONENT_NAME_RULE));
  if (!validateManifestShape(value)) {
    for (const d of schemaDiagnostics(validateManifestShape.errors, { code: 'SCHEMA_VIOLATION', file: where.file, locate: where.locate })) {
      if (nameChecked && d.path === 'metadata.name') continue;
      if (d.path === 'metadata.version' && d.message.startsWith('must match')) {
        diagnostics.push({ ...d, code: 'VERSION_INVALID', message: 'must be a semantic version such as 1.2.3 (see semver.org)' });
      } else if (d.path === 'spec.image.tag' && d.message === 'is not allowed here') {
        diagnostics.push({ ...d, message: 'must be a pinned tag, not a moving one such as "latest"' });
      } else diagnostics.push(d);
    }
  }
  const manifest = value as ComponentManifest;
  const version = manifest.metadata?.version;
  if (typeof version === 'string' && semver.valid(version) === null && !diagnostics.some((d) => d.path === 'metadata.version')) {
    diagnostics.push(at('metadata.version', 'VERSION_INVALID', 'must be a semantic version such as 1.2.3 (see semver.org)'));
  }
  diagnostics.push(...checkInputsSchema(manifest, at));
  diagnostics.push(...checkTemplates(manifest, at));
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { value: manifest, diagnostics };
}

type At = (path: string, code: Diagnostic['code'], message: string) => Diagnostic;

function checkInputsSchema(manifest: ComponentManifest, at: At): Diagnostic[] {
  const inputs = manifest.spec?.inputs;
  if (typeof inputs !== 'object' || inputs === null || typeof inputs.properties !== 'object' || inputs.properties === null) return [];
  const out: Diagnostic[] = [];
  for (const [name, property] of Object.entries(inputs.properties)) {
    if (typeof property !== 'object' || property === null) continue;
    const base = `spec.inputs.properties.${name}`;
    if (typeof property.pattern === 'string') {
      try {
        new RegExp(property.pattern, 'u');
      } catch (e) {
        out.push(at(`${base}.pattern`, 'INPUTS_SCHEMA_INVALID', `is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`));
      }
    }
    if (property.minLength !== undefined && property.maxLength !== undefined && property.minLength > property.maxLength) {
      out.push(at(`${base}.maxLength`, 'INPUTS_SCHEMA_INVALID', 'must not be smaller than minLength'));
    }
    if (property.minimum !== undefined && property.maximum !== undefined && property.minimum > property.maximum) {
      out.push(at(`${base}.maximum`, 'INPUTS_SCHEMA_INVALID', 'must not be smaller than minimum'));
    }
    if (property['x-aisle-generate'] !== undefined && (property.type !== 'string' || property.writeOnly !== true)) {
      out.push(at(`${base}.x-aisle-generate`, 'INPUTS_SCHEMA_INVALID', 'only a secret string input (writeOnly: true) can be generated'));
    }
  }
  (Array.isArray(inputs.required) ? inputs.required : []).forEach((name, i) => {
    if (typeof name === 'string' && !(name in inputs.properties)) {
      out.push(at(`spec.inputs.required.${i}`, 'INPUTS_SCHEMA_INVALID', `names "${name}", which is not declared under properties`));
    }
  });
  if (out.length === 0) {
    // The schema must also compile as JSON Schema in its own right.
    // One ajv for every manifest: a new one recompiles the 2020-12 meta-schema each time (~100 ms).
    inputsAjv ??= createAjv();
    try {
      inputsAjv.compile(inputs);
    } catch (e) {
      out.push(at('spec.inputs', 'INPUTS_SCHEMA_INVALID', `is not a valid JSON Schema: ${(e as Error).message}`));
    } finally {
      // Forget the schema again, or every manifest ever checked would stay in ajv's cache.
      inputsAjv.removeSchema(inputs);
    }
  }
  return out;
}

function checkTemplates(manifest: ComponentManifest, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (path: string, template: unknown) => {
    if (typeof template !== 'string') return;
    for (const message of parseTemplate(template).errors) out.push(at(path, 'TEMPLATE_INVALID', message));
  };
  const runtime = manifest.spec?.runtime;
  if (runtime && typeof runtime === 'object') {
    for (const [k, v] of Object.entries(runtime.env ?? {})) check(`spec.runtime.env.${k}`, v);
    (runtime.command ?? []).forEach((v, i) => check(`spec.runtime.command.${i}`, v));
    (runtime.args ?? []).forEach((v, i) => check(`spec.runtime.args.${i}`, v));
  }
  for (const [k, v] of Object.entries(manifest.spec?.outputs ?? {})) check(`spec.outputs.${k}.value`, v?.value);
  return out;
}
