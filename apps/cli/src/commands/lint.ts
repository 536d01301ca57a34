import { LINT_RULES } from '../../../../libs/certify/index.js';
import { commandCatalogTarget, loadTarget, locateDiagnostics } from '../catalog-target.js';
import type { Command } from '../command.js';
import { lintLoaded } from '../lint-loaded.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'run the conformance checks over manifests (default: the shipped catalog)',
  usage: 'aisle lint [DIR]',
  options: [],
  run(ctx) {
    const target = commandCatalogTarget(ctx);
    const loaded = loadTarget(target, ctx.io.cwd);
    const diagnostics = locateDiagnostics(lintLoaded(loaded, { skipDeprecated: true }), ctx.io.cwd);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const result = {
      versions: loaded.versions.map((v) => ({
        name: v.name,
        version: v.version,
        file: v.source,
        passed: !diagnostics.some((d) => d.file === v.source && d.severity === 'error'),
      })),
      kits: loaded.kits.map((v) => ({
        name: v.name,
        version: v.version,
        file: v.source,
        passed: !diagnostics.some((d) => d.file === v.source && d.severity === 'error'),
      })),
      rules: LINT_RULES,
      errors,
      warnings: diagnostics.length - errors,
    };
    const code = ctx.report(diagnostics, result);
    if (!ctx.json) {
      const components = new Set(loaded.versions.map((v) => v.name)).size;
      const deprecated = loaded.versions.filter((v) => v.deprecated).length;
      const kits = loaded.kits.length > 0 ? ` and ${loaded.kits.length} kit version(s)` : '';
      const skipped = deprecated > 0 ? ` (${deprecated} deprecated, held only to the cross-version rules)` : '';
      ctx.io.out(
        `linted ${loaded.versions.length} version(s) of ${components} component(s)${kits}${skipped} with ${LINT_RULES.length} rules: ${errors} error(s), ${result.warnings} warning(s)\n`,
      );
    }
    return code;
  },
};
