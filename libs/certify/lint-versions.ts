import type { Diagnostic } from '../diagnostics/index.js';
import type { VersionEntry } from './lint-rule.js';
import { VERSIONS_RULES } from './lint-rules.js';

/**
 * Runs the cross-version rules over the versions of one component (any order); each
 * finding is reported on the version it is about, with that version's source as file.
 */
export function lintVersions(versions: readonly VersionEntry[]): Diagnostic[] {
  return VERSIONS_RULES.flatMap((rule) =>
    rule.check(versions).map((f) => ({
      severity: f.severity ?? 'error',
      code: 'LINT_RULE' as const,
      path: f.path,
      message: f.message,
      rule: rule.name,
      ...(f.version.source === undefined ? {} : { file: f.version.source }),
    })),
  );
}
