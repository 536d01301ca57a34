import type { ErrorObject } from 'ajv';
import { didYouMean, documentPath, error, type Diagnostic, type DiagnosticCode } from '../diagnostics/index.js';
import { describeNameRule, describeSchemaError, schemaErrorDetail } from './describe-schema-error.js';

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
    let detail = schemaErrorDetail(e);
    if (e.keyword === 'propertyNames') {
      segments.push(String(p.propertyName));
      // The schema says the rule in words (its pattern is no message for a person; tools get it in detail).
      message = describeNameRule(e.schema);
      const pattern = (e.schema as { pattern?: unknown } | undefined)?.pattern;
      if (typeof pattern === 'string') detail = { keyword: e.keyword, params: { ...detail.params, pattern } };
    }
    const path = [options.prefix ?? '', dottedPath(segments)].filter((s) => s !== '').join('.') || documentPath(options.file);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = options.locate?.(segments);
    const d = error(options.code, path, message, { file: options.file, line: position?.line, column: position?.column, detail });
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
 * A failed `oneOf`/`anyOf` reports every branch's complaints. When each branch fails the
 * same simple way (a wrong type; a missing key) the alternative itself stays, summed up
 * ("must be a string, a number or a boolean", "needs one of command, http or tcp").
 * Otherwise keep only the branch that came closest (fewest errors; on a tie, one the value
 * has the right type for): for `tag: latest` that is "must not be latest", not "input is
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
    const all = [...branches.values()];
    const summed = sumUp(alt, all);
    if (summed) {
      const drop = new Set([alt, ...all.flat()]);
      kept = kept.flatMap((e) => (e === alt ? [summed] : drop.has(e) ? [] : [e]));
      continue;
    }
    const score = (b: ErrorObject[]) => b.length * 2 + (b.every((e) => e.keyword === 'type') ? 1 : 0);
    const best = [...all].sort((a, b) => score(a) - score(b))[0]!;
    const drop = new Set([alt, ...all.filter((b) => b !== best).flat()]);
    kept = kept.filter((e) => !drop.has(e));
  }
  return kept;
}

/** The alternative as one error saying what was expected, when every branch failed the same simple way. */
function sumUp(alt: ErrorObject, branches: ErrorObject[][]): ErrorObject | undefined {
  const count = Array.isArray(alt.schema) ? alt.schema.length : -1;
  if (branches.length !== count || !branches.every((b) => b.length === 1 && b[0]!.instancePath === alt.instancePath)) return undefined;
  const only = branches.map((b) => b[0]!);
  if (only.every((e) => e.keyword === 'type')) return { ...alt, params: { ...alt.params, types: only.map((e) => (e.params as { type: string }).type) } };
  if (only.every((e) => e.keyword === 'required'))
    return { ...alt, params: { ...alt.params, needsOneOf: only.map((e) => (e.params as { missingProperty: string }).missingProperty) } };
  return undefined;
}
