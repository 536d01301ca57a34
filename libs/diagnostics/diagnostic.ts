import type { DiagnosticCode, Severity } from './diagnostic-code.js';

/**
 * One problem found in user input: what (`message`), where (`path`, and for files
 * `file`/`line`/`column`), and a stable `code`. Reported all at once, never thrown.
 */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** Dotted path into the document, e.g. `spec.inputs.properties.password.minLength`. */
  path: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** For lint diagnostics: the rule that produced it. */
  rule?: string;
  /** For tools, never shown in `message`: the schema keyword that failed and its parameters. */
  detail?: DiagnosticDetail;
}

/**
 * What a schema check found, for tools (`--json`, GraphQL `detail`): the keyword (`pattern`,
 * `minLength`, …) and its parameters as the schema states them (a pattern's regular
 * expression, a limit, the allowed values). Never the value that was checked.
 */
export interface DiagnosticDetail {
  keyword: string;
  params: Record<string, unknown>;
}

/** Builds an error diagnostic. */
export function error(code: DiagnosticCode, path: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'error', code, path, message, ...extra };
}

/** Builds a warning diagnostic. */
export function warning(code: DiagnosticCode, path: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'warning', code, path, message, ...extra };
}

/** True when any diagnostic is an error (warnings never block). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Prefixes every diagnostic's path, e.g. with an instance name: `db` + `inputs.password`. */
export function prefixPath(diagnostics: readonly Diagnostic[], prefix: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, path: joinPath(prefix, d.path) }));
}

/** Joins two dotted path fragments, skipping empty ones. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('.');
}
