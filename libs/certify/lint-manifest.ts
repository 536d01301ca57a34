import type { Diagnostic } from '../diagnostics/index.js';
import type { ComponentManifest } from '../manifest/index.js';
import { MANIFEST_RULES } from './lint-rules.js';
import { asRecord } from './shape-guards.js';

export interface LintOptions {
  /** The manifest's file, set on every diagnostic. */
  file?: string;
  /** Source position of a dotted path (from parseYaml), for line numbers. */
  locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
}

/**
 * Runs every single-manifest conformance rule over a manifest and returns all findings as
 * `LINT_RULE` diagnostics, each naming its rule and path. Meant for schema-valid
 * manifests, but any value is read safely (rules answer for what they find, never throw).
 */
export function lintManifest(manifest: ComponentManifest, options: LintOptions = {}): Diagnostic[] {
  const read = (asRecord(manifest) ?? {}) as unknown as ComponentManifest;
  return MANIFEST_RULES.flatMap((rule) =>
    rule.check(read).map((f) => {
      const position = f.path ? options.locate?.(f.path.split('.')) : undefined;
      return {
        severity: f.severity ?? 'error',
        code: 'LINT_RULE' as const,
        path: f.path,
        message: f.message,
        rule: rule.name,
        ...(options.file === undefined ? {} : { file: options.file }),
        ...(position ? { line: position.line, column: position.column } : {}),
      };
    }),
  );
}
