import { checkAisle } from '../catalog/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ComponentManifest } from '../manifest/index.js';
import { MANIFEST_RULES } from './lint-rules.js';
import { asRecord } from './shape-guards.js';

export interface LintOptions {
  /** The manifest's file, set on every diagnostic. */
  file?: string;
  /** Source position of a dotted path (from parseYaml), for line numbers. */
  locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
  /** Linting for publishing, not certification: a rule's `publishSeverity` applies (its errors become warnings). */
  publishing?: boolean;
}

/**
 * Runs every single-manifest conformance rule over a manifest and returns all findings as
 * `LINT_RULE` diagnostics, each naming its rule and path, after `AISLE_UNKNOWN` for an aisle
 * that is not in libs/catalog/aisles.ts. Meant for schema-valid
 * manifests, but any value is read safely (rules answer for what they find, never throw).
 */
export function lintManifest(manifest: ComponentManifest, options: LintOptions = {}): Diagnostic[] {
  const read = (asRecord(manifest) ?? {}) as unknown as ComponentManifest;
  const located = (d: Diagnostic): Diagnostic => {
    const position = d.path ? options.locate?.(d.path.split('.')) : undefined;
    return { ...d, ...(options.file === undefined ? {} : { file: options.file }), ...(position ? { line: position.line, column: position.column } : {}) };
  };
  // The aisle is where the catalog shelves a component, not part of what a certification attests: its own code, not a rule.
  const aisle = checkAisle(asRecord(read.metadata)?.aisle, 'metadata.aisle').map(located);
  const rules = MANIFEST_RULES.flatMap((rule) =>
    rule.check(read).map((f) => {
      const position = f.path ? options.locate?.(f.path.split('.')) : undefined;
      return {
        severity: (options.publishing ? rule.publishSeverity : undefined) ?? f.severity ?? 'error',
        code: 'LINT_RULE' as const,
        path: f.path,
        message: f.message,
        rule: rule.name,
        ...(options.file === undefined ? {} : { file: options.file }),
        ...(position ? { line: position.line, column: position.column } : {}),
      };
    }),
  );
  return [...aisle, ...rules];
}
