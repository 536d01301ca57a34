import type { ErrorObject } from 'ajv';
import { didYouMean, documentPath, error, type Diagnostic, type DiagnosticCode } from '../diagnostics/index.js';
import { describeSchemaError } from './describe-schema-error.js';

export interface SchemaDiagnosticOptions {
  code: DiagnosticCode;
  file?: string;
  /** Source position of a path, from the YAML parser. */
  locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
  /** Prepended to every path (e.g. an instance name). */
  prefix?: string;
  /**
   * Recodes or rewords a diagnostic knowing the schema keyword that failed (`required`,
   * `additionalProperties`, `pattern`, …); undefined drops it. The keyword, not the
   * message, decides: messages are reworded, keywords are not.
   */
  refine?: (d: Diagnostic, keyword: string) => Diagnostic | undefined;
}

/**
 * Converts ajv errors into diagnostics with dotted paths pointing at the offending
 * field itself (the missing or unknown key, not its parent), one per distinct problem.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[] | null | undefined, options: SchemaDiagnosticOptions): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of closestBranches(errors ?? [])) {
    // ajv reports a propertyNames failure twice: once for the inner keyword, once for propertyNames itself.
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') continue;
    const segments = pointerSegments(e.instancePath);
    const p = e.params as Record<string, unknown>;
    let message = describeSchemaError(e);
    if (e.keyword === 'required') segments.push(String(p.missingProperty));
    if (e.keyword === 'additionalProperties') {
      segments.push(String(p.additionalProperty));
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      message += didYouMean(String(p.additionalProperty), known);
    }
    if (e.keyword === 'propertyNames') {
      segments.push(String(p.propertyName));
      // The schema says the rule in words (its pattern is no message for a person).
      const rule = (e.schema as { description?: unknown } | undefined)?.description;
      message = typeof rule === 'string' ? `is not a valid name: ${rule}` : 'is not a valid name';
    }
    const path = [options.prefix ?? '', dottedPath(segments)].filter((s) => s !== '').join('.') || documentPath(options.file);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = options.locate?.(segments);
    const d = error(options.code, path, message, { file: options.file, line: position?.line, column: position?.column });
    const refined = options.refine ? options.refine(d, e.keyword) : d;
    if (refined) out.push(refined);
  }
  return out;
}

/**
 * Path segments joined with dots; an empty key is shown as `""`, so that only a problem
 * with the whole document has the empty path.
 */
export function dottedPath(segments: readonly string[]): string {
  return segments.map((s) => (s === '' ? '""' : s)).join('.');
}

/** `/spec/inputs/properties/a~1b` → `['spec', 'inputs', 'properties', 'a/b']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A failed `oneOf`/`anyOf` reports every branch's complaints. Keep only the branch that
 * came closest (fewest errors): for `tag: latest` that is "not allowed", not "input is
 * required" from the other form.
 */
function closestBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const alt of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const prefix = `${alt.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(alt.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const best = [...branches.values()].sort((a, b) => a.length - b.length)[0]!;
    const drop = new Set([alt, ...[...branches.values()].filter((b) => b !== best).flat()]);
    kept = kept.filter((e) => !drop.has(e));
  }
  return kept;
}
