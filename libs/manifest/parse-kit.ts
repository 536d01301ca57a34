import valid from 'semver/functions/valid';
import appSchema from '../../schemas/app.schema.json';
import componentSchema from '../../schemas/component.schema.json';
import kitSchema from '../../schemas/kit.schema.json';
import { documentPath, error, type Diagnostic } from '../diagnostics/index.js';
import { createAjv } from './ajv-instance.js';
import type { KitManifest } from './kit.js';
import type { ComponentManifest } from './manifest.js';
import { checkInputsSchema, MAX_MANIFEST_BYTES, type ParseResult } from './parse-manifest.js';
import { COMPONENT_NAME_RULE, parseComponentName } from './parse-component-name.js';
import { ILL_FORMED_TEXT, plainDataProblems } from './plain-data-problems.js';
import { parseTemplate } from './parse-template.js';
import { parseYaml } from './parse-yaml.js';
import { dottedPath, schemaDiagnostics } from './schema-diagnostics.js';

let validateKitShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Parses and validates an app kit from YAML text: syntax, schemas/kit.schema.json, semver,
 * the inputs schema (as a component's) and the `${{ … }}` syntax of every instance value.
 */
export function parseKit(text: string, file?: string): ParseResult<KitManifest> {
  const parsed = parseYaml(text, { file, maxBytes: MAX_MANIFEST_BYTES });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  return checkKit(parsed.value, { file, locate: parsed.locate });
}

/** Validates an already-parsed kit value. */
export function checkKit(
  value: unknown,
  where: { file?: string; locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined } = {},
): ParseResult<KitManifest> {
  if (!validateKitShape) {
    const ajv = createAjv({ checkedSchemas: true });
    ajv.addSchema(componentSchema);
    ajv.addSchema(appSchema);
    validateKitShape = ajv.compile(kitSchema);
  }
  const at = (path: string, code: Diagnostic['code'], message: string) => {
    const position = where.locate?.(path.split('.'));
    return error(code, path, message, { file: where.file, line: position?.line, column: position?.column });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { diagnostics: [at(documentPath(where.file), 'SCHEMA_VIOLATION', 'a kit must be a YAML mapping')] };
  }
  const problems = plainDataProblems(value);
  const diagnostics: Diagnostic[] = problems.map(({ path, kind }) =>
    kind === 'forbidden-key'
      ? at(dottedPath(path), 'YAML_FORBIDDEN_KEY', `the key "${path[path.length - 1]}" is not allowed`)
      : at(dottedPath(path), 'SCHEMA_VIOLATION', ILL_FORMED_TEXT),
  );
  if (problems.some((p) => p.kind === 'forbidden-key')) return { diagnostics };
  const name = (value as { metadata?: { name?: unknown } }).metadata?.name;
  const nameChecked = typeof name === 'string';
  if (nameChecked && parseComponentName(name)?.scope !== undefined)
    diagnostics.push(at('metadata.name', 'SCHEMA_VIOLATION', 'a kit has a global name (no scope)'));
  else if (nameChecked && !parseComponentName(name)) diagnostics.push(at('metadata.name', 'SCHEMA_VIOLATION', COMPONENT_NAME_RULE));
  if (!validateKitShape(value)) {
    const refine = (d: Diagnostic, keyword: string): Diagnostic | undefined => {
      if (nameChecked && d.path === 'metadata.name') return undefined;
      if (d.path === 'metadata.version' && keyword === 'pattern')
        return { ...d, code: 'VERSION_INVALID', message: 'must be a semantic version such as 1.2.3 (see semver.org)' };
      return d;
    };
    diagnostics.push(...schemaDiagnostics(validateKitShape.errors, { code: 'SCHEMA_VIOLATION', file: where.file, locate: where.locate, refine }));
  }
  const kit = value as KitManifest;
  const version = kit.metadata?.version;
  if (typeof version === 'string' && valid(version) === null && !diagnostics.some((d) => d.path === 'metadata.version')) {
    diagnostics.push(at('metadata.version', 'VERSION_INVALID', 'must be a semantic version such as 1.2.3 (see semver.org)'));
  }
  diagnostics.push(...checkInputsSchema(kit as unknown as ComponentManifest, at));
  const declared = isRecord(kit.spec?.inputs?.properties) ? kit.spec.inputs.properties : {};
  for (const [name, property] of Object.entries(declared)) {
    // Generated here, a secret would change on every composition; the components generate and keep their own.
    if (isRecord(property) && property['x-aisle-generate'] !== undefined)
      diagnostics.push(
        at(
          `spec.inputs.properties.${name}.x-aisle-generate`,
          'INPUTS_SCHEMA_INVALID',
          "a kit generates no secrets: leave the input unset and let the component's own input generate it",
        ),
      );
  }
  const settled = new Set([
    ...(Array.isArray(kit.spec?.inputs?.required) ? kit.spec.inputs.required : []),
    ...Object.keys(declared).filter((n) => isRecord(declared[n]) && declared[n].default !== undefined),
  ]);
  const instances = isRecord(kit.spec?.instances) ? kit.spec.instances : {};
  for (const [instance, spec] of Object.entries(instances)) {
    if (!isRecord(spec)) continue;
    for (const section of ['inputs', 'env'] as const) {
      for (const [key, v] of Object.entries(spec[section] ?? {})) {
        if (typeof v !== 'string') continue;
        const path = `spec.instances.${instance}.${section}.${key}`;
        const parsed = parseTemplate(v);
        for (const message of parsed.errors) diagnostics.push(at(path, 'TEMPLATE_INVALID', message));
        for (const segment of parsed.segments) {
          if (segment.kind !== 'ref' || segment.ref[0] !== 'inputs') continue;
          const input = segment.ref[1];
          if (segment.ref.length !== 2 || input === undefined || !Object.hasOwn(declared, input)) {
            diagnostics.push(
              at(path, 'TEMPLATE_INVALID', `${segment.source} names no input of this kit; its inputs: ${Object.keys(declared).join(', ') || 'none'}`),
            );
          } else if (parsed.segments.length > 1 && !settled.has(input)) {
            // Alone, an unset input leaves the instance's input out (its default applies); inside longer text it would leave a hole.
            diagnostics.push(at(path, 'TEMPLATE_INVALID', `${segment.source} is part of a longer value, so the input needs a default or must be required`));
          }
        }
      }
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { value: kit, diagnostics };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
