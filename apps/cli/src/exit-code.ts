import type { Diagnostic, DiagnosticCode } from '../../../libs/diagnostics/index.js';

/**
 * The CLI's exit codes: 0 done, 1 the input was invalid (or what it names cannot be
 * reached: a database, a file), 2 usage error. 3 is a bug in aisle, never a user's
 * mistake: the one-line message asks for a report, `AISLE_DEBUG=1` shows the stack.
 */
export const ExitCode = { Ok: 0, Invalid: 1, Usage: 2, Internal: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The one place diagnostic codes map to exit codes. */
const EXIT_BY_CODE: Record<DiagnosticCode, ExitCode> = {
  FILE_UNREADABLE: ExitCode.Invalid,
  YAML_SYNTAX: ExitCode.Invalid,
  YAML_DUPLICATE_KEY: ExitCode.Invalid,
  YAML_ALIAS_LIMIT: ExitCode.Invalid,
  YAML_TOO_LARGE: ExitCode.Invalid,
  YAML_FORBIDDEN_KEY: ExitCode.Invalid,
  SCHEMA_VIOLATION: ExitCode.Invalid,
  VERSION_INVALID: ExitCode.Invalid,
  INPUTS_SCHEMA_INVALID: ExitCode.Invalid,
  TEMPLATE_INVALID: ExitCode.Invalid,
  MANIFEST_LOCATION_MISMATCH: ExitCode.Invalid,
  DUPLICATE_VERSION: ExitCode.Invalid,
  REFERENCE_INVALID: ExitCode.Invalid,
  COMPONENT_NOT_FOUND: ExitCode.Invalid,
  VERSION_UNSATISFIED: ExitCode.Invalid,
  VERSION_DEPRECATED: ExitCode.Ok,
  INPUT_INVALID: ExitCode.Invalid,
  INPUT_UNKNOWN: ExitCode.Invalid,
  INPUT_REQUIRED: ExitCode.Invalid,
  INSTANCE_NAME_INVALID: ExitCode.Invalid,
  WIRING_UNKNOWN_INSTANCE: ExitCode.Invalid,
  WIRING_UNKNOWN_OUTPUT: ExitCode.Invalid,
  WIRING_CYCLE: ExitCode.Invalid,
  PORT_UNKNOWN: ExitCode.Invalid,
  LINT_RULE: ExitCode.Invalid,
  CERTIFICATION_INVALID: ExitCode.Invalid,
  CERTIFICATION_MISSING: ExitCode.Invalid,
  KEY_INVALID: ExitCode.Invalid,
  ALREADY_PUBLISHED: ExitCode.Invalid,
  TOKEN_REQUIRED: ExitCode.Invalid,
  TOKEN_INVALID: ExitCode.Invalid,
  SCOPE_MISSING: ExitCode.Invalid,
  NOT_OWNER: ExitCode.Invalid,
  NAME_SCOPE_FORBIDDEN: ExitCode.Invalid,
  NAME_SCOPE_REQUIRED: ExitCode.Invalid,
  NAME_SCOPED_IN_CATALOG: ExitCode.Invalid,
  PORT_CONFLICT: ExitCode.Invalid,
  REPLICAS_STATEFUL: ExitCode.Invalid,
  AISLE_UNKNOWN: ExitCode.Invalid,
  USAGE: ExitCode.Usage,
  DATABASE_NOT_FOUND: ExitCode.Invalid,
  DATABASE_UNAVAILABLE: ExitCode.Invalid,
  TOKEN_NOT_FOUND: ExitCode.Invalid,
  IO_FAILED: ExitCode.Invalid,
  REGISTRY_UNREACHABLE: ExitCode.Invalid,
  REGISTRY_FAILED: ExitCode.Invalid,
  REGISTRY_DIGEST_MISMATCH: ExitCode.Invalid,
  RESULTS_TRUNCATED: ExitCode.Ok,
  IMPORT_FORMAT_UNKNOWN: ExitCode.Invalid,
  IMPORT_INVALID: ExitCode.Invalid,
  UPGRADE_INVALID: ExitCode.Invalid,
  LOCK_INVALID: ExitCode.Invalid,
  LOCK_MISMATCH: ExitCode.Invalid,
  UPGRADE_UNSUPPORTED: ExitCode.Invalid,
  UPGRADE_DATA_STEP: ExitCode.Invalid,
  UPGRADE_VALUE_LOST: ExitCode.Invalid,
  UPGRADE_NEEDS_APP: ExitCode.Invalid,
  REVISION_NOT_FOUND: ExitCode.Invalid,
};

/** True for a code this CLI knows (the codes a service sends back are checked before they are trusted). */
export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && Object.hasOwn(EXIT_BY_CODE, code);
}

/** The exit code for a set of diagnostics: the worst error's, or 0 when there are only warnings. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): ExitCode {
  let code: ExitCode = ExitCode.Ok;
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const mapped = EXIT_BY_CODE[d.code];
    if (mapped > code) code = mapped;
  }
  return code;
}
