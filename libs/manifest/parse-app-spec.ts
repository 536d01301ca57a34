import type { ValidateFunction } from 'ajv';
import { documentPath, error, type Diagnostic } from '../diagnostics/index.js';
import { validate as precompiledAppShape } from './app-shape-validator.generated.js';
import type { AppSpec } from './app-spec.js';
import { rememberAppSpecSource } from './app-spec-source.js';
import { ILL_FORMED_TEXT, plainDataProblems } from './plain-data-problems.js';
import type { ParseResult } from './parse-manifest.js';
import { parseTemplate } from './parse-template.js';
import { parseYaml } from './parse-yaml.js';
import { dottedPath, schemaDiagnostics } from './schema-diagnostics.js';

// schemas/app.schema.json compiled ahead of time (app-shape-validator-code.ts): compiling it cost every run ~200 ms.
const validateAppShape = precompiledAppShape as unknown as ValidateFunction;

/** Instance names become Compose service names, Kubernetes object names and DNS labels. */
export const INSTANCE_NAME = /^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/;

/**
 * An input's or env variable's value (`instances.NAME.inputs.KEY`): it may be a secret, so
 * no diagnostic shows what is inside it, however broken the YAML around it is.
 */
export function isPrivateAppPath(path: readonly string[]): boolean {
  return path.length === 4 && path[0] === 'instances' && (path[2] === 'inputs' || path[2] === 'env');
}

/**
 * Parses and validates an app spec from YAML text. Reports every problem at once:
 * syntax, schema, instance names, and malformed `${{ … }}` references.
 */
export function parseAppSpec(text: string, file?: string): ParseResult<AppSpec> {
  const parsed = parseYaml(text, { file, isPrivate: isPrivateAppPath });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const checked = checkAppSpec(parsed.value, { file, locate: parsed.locate });
  if (checked.value) rememberAppSpecSource(checked.value, { file, locate: parsed.locate });
  return checked;
}

/** Validates an already-parsed app spec value (e.g. GraphQL JSON input). */
export function checkAppSpec(
  value: unknown,
  where: { file?: string; locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined } = {},
): ParseResult<AppSpec> {
  const at = (path: string[], code: Diagnostic['code'], message: string) => {
    const position = where.locate?.(path);
    return error(code, path.length === 0 ? documentPath(where.file) : dottedPath(path), message, {
      file: where.file,
      line: position?.line,
      column: position?.column,
    });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { diagnostics: [at([], 'SCHEMA_VIOLATION', 'an app spec must be a YAML mapping')] };
  }
  const diagnostics: Diagnostic[] = [];
  const problems = plainDataProblems(value);
  for (const { path, kind } of problems) {
    const end = path.findIndex((_, i) => isPrivateAppPath(path.slice(0, i + 1)));
    const shown = end < 0 ? path : path.slice(0, end + 1);
    diagnostics.push(
      kind === 'forbidden-key'
        ? at(shown, 'YAML_FORBIDDEN_KEY', `the key "${path[path.length - 1]}" is not allowed`)
        : at(shown, 'SCHEMA_VIOLATION', ILL_FORMED_TEXT),
    );
  }
  // Such keys reach here only from JSON (parseYaml refuses them); ajv's deep equality would call them.
  if (problems.some((p) => p.kind === 'forbidden-key')) return { diagnostics };
  const spec = value as AppSpec;
  const instances = typeof spec.instances === 'object' && spec.instances !== null ? spec.instances : {};
  for (const name of Object.keys(instances)) {
    if (!INSTANCE_NAME.test(name)) {
      diagnostics.push(
        at(
          ['instances', name],
          'INSTANCE_NAME_INVALID',
          `"${name}" is not a valid instance name: use 1 to 32 lower-case letters, digits and "-", starting with a letter and not ending with "-"`,
        ),
      );
    }
  }
  if (!validateAppShape(value)) {
    // Instance names already have their own, clearer diagnostic.
    const refine = (d: Diagnostic, keyword: string) =>
      keyword === 'propertyNames' && Object.keys(instances).some((name) => d.path === dottedPath(['instances', name])) ? undefined : d;
    diagnostics.push(...schemaDiagnostics(validateAppShape.errors, { code: 'SCHEMA_VIOLATION', file: where.file, locate: where.locate, refine }));
  }
  for (const [name, instance] of Object.entries(instances)) {
    if (typeof instance !== 'object' || instance === null) continue;
    for (const section of ['inputs', 'env'] as const) {
      for (const [key, v] of Object.entries(instance[section] ?? {})) {
        if (typeof v !== 'string') continue;
        for (const message of parseTemplate(v).errors) diagnostics.push(at(['instances', name, section, key], 'TEMPLATE_INVALID', message));
      }
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { value: spec, diagnostics };
}
