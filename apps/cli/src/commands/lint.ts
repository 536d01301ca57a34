import { LINT_RULES } from '../../../../libs/certify/index.js';
import { catalogTarget, loadTarget, locateDiagnostics } from '../catalog-target.js';
import type { Command } from '../command.js';
import { lintLoaded } from '../lint-loaded.js';
import { UsageError } from '../parse-args.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'run the conformance checks over manifests (default: the shipped catalog)',
  usage: 'aisle lint [DIR] [--json]',
  options: [],
  run(ctx) {
    const [dir, ...extra] = ctx.args.positionals;
    if (extra.length > 0) throw new UsageError('expects at most one DIR');
    // Without DIR, the catalog the other commands read: --catalog, $AISLE_CATALOG, else the shipped one.
    const arg = dir ?? (ctx.args.options.catalog as string | undefined) ?? ctx.io.env.AISLE_CATALOG;
    const target = catalogTarget(ctx.io.cwd, arg);
    if (!target) throw new UsageError(`${arg} is not a catalog, component or version folder`);
    const loaded = loadTarget(target, ctx.io.cwd);
    const diagnostics = locateDiagnostics(lintLoaded(loaded), ctx.io.cwd);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const result = {
      versions: loaded.versions.map((v) => ({ name: v.name, version: v.version, file: v.source, passed: !diagnostics.some((d) => d.file === v.source && d.severity === 'error') })),
      rules: LINT_RULES,
      errors,
      warnings: diagnostics.length - errors,
    };
    const code = ctx.report(diagnostics, result);
    if (!ctx.json) {
      const components = new Set(loaded.versions.map((v) => v.name)).size;
      ctx.io.out(`linted ${loaded.versions.length} version(s) of ${components} component(s) with ${LINT_RULES.length} rules: ${errors} error(s), ${result.warnings} warning(s)\n`);
    }
    return code;
  },
};
