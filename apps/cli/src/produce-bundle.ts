import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CatalogIndex } from '../../../libs/catalog/index.js';
import { composeApp, type ResolvedApp } from '../../../libs/composition/index.js';
import type { Diagnostic } from '../../../libs/diagnostics/index.js';
import type { AppSpec } from '../../../libs/manifest/index.js';
import { RENDERERS, SECRET_READERS, type BundleFile, type Target } from '../../../libs/render/index.js';
import type { CommandContext } from './command.js';
import { BUNDLE_OPTIONS, targetOption } from './bundle-options.js';
import { ExitCode } from './exit-code.js';
import { UsageError } from './parse-args.js';
import { connectHint } from './connect-hint.js';
import { printDiagnostics } from './print-diagnostics.js';
import { planBundleWrite, type BundleConflict } from './plan-bundle-write.js';
import { readBundleFile, readPreviousBundle } from './read-previous-bundle.js';
import { writeBundle } from './write-bundle.js';

export { BUNDLE_OPTIONS };

const NEXT_STEP = {
  compose: (dir: string) => `cd ${dir} && docker compose up -d`,
  kubernetes: (dir: string) => `kubectl apply -k ${dir}`,
  helm: (dir: string, app: string) => `helm install ${app} ${dir}`,
  openshift: (dir: string) => `oc process -f ${dir}/template.yaml | oc apply -f -`,
};

const MAX_CONFLICTS_SHOWN = 20;

/**
 * Composes an app spec, renders it for `--target` and writes it into `--out` (default
 * `./APP-TARGET`), keeping the secrets an earlier bundle there holds. Replaces or removes
 * only files the earlier aisle.lock lists and that are unchanged (`--force` replaces the
 * others in the way). Writes nothing when anything is invalid; never prints a secret.
 */
export function produceBundle(
  ctx: CommandContext,
  spec: AppSpec,
  options: { publishExposed?: boolean; connectHint?: boolean; catalog?: CatalogIndex } = {},
): ExitCode {
  const target = targetOption(ctx.args.options);
  const force = ctx.args.options.force === true;
  const outOption = ctx.args.options.out;
  const dir = resolve(ctx.io.cwd, typeof outOption === 'string' ? outOption : `${spec.metadata.name}-${target}`);
  const shownOut = typeof outOption === 'string' ? outOption : relative(ctx.io.cwd, dir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${shownOut} is a file, not a folder`, '--out');
  const previous = readPreviousBundle(dir);
  let bundle = composeAndRender(spec, ctx, target, previous.files, options);
  if ('problems' in bundle) return ctx.report(bundle.problems);
  let plan = planBundleWrite(dir, bundle.files, previous, force);
  // Files --force replaces may hold the secrets of a bundle whose lock is gone: keep them, as those of listed files.
  const unread = plan.forced.map((c) => c.path).filter((path) => !previous.files.has(path));
  if (unread.length > 0) {
    const files = new Map(previous.files);
    for (const path of unread) {
      const bytes = readBundleFile(dir, path);
      if (bytes) files.set(path, bytes.toString('utf8'));
    }
    bundle = composeAndRender(spec, ctx, target, files, options);
    if ('problems' in bundle) return ctx.report(bundle.problems);
    plan = planBundleWrite(dir, bundle.files, previous, force);
  }
  if (plan.conflicts.length > 0) throw new UsageError(conflictMessage(shownOut, plan.conflicts), '--out');
  writeBundle(dir, plan);
  const { app, files, warnings, previousSecrets } = bundle;
  const shown = relative(ctx.io.cwd, dir) || '.';
  const generated = app.instances.flatMap((i) => i.generatedInputs.map((input) => `${i.name}.${input}`));
  const kept = app.instances.flatMap((i) =>
    i.secretInputs
      .filter((input) => previousSecrets[i.name]?.[input] !== undefined && i.inputs[input] === previousSecrets[i.name]![input])
      .map((input) => `${i.name}.${input}`),
  );
  const forced = plan.forced.map((c) => c.path).sort();
  if (ctx.json) {
    return ctx.report(warnings, { target, out: shown, files: files.map((f) => f.path), removed: plan.remove, forced, generated, kept: kept.sort() });
  }
  printDiagnostics(ctx.io, warnings);
  const list = files.length <= 8 ? `: ${files.map((f) => f.path).join(', ')}` : '';
  ctx.io.out(`wrote ${files.length} files to ${shown}/ (${target})${list}\n`);
  if (plan.remove.length > 0)
    ctx.io.out(`removed ${plan.remove.length} file${plan.remove.length === 1 ? '' : 's'} the earlier bundle wrote and this one no longer has\n`);
  if (forced.length > 0) ctx.io.out(`replaced or removed with --force: ${forced.join(', ')}\n`);
  if (generated.length > 0 && target === 'helm') ctx.io.out(`secrets the chart generates at install and keeps across upgrades: ${generated.join(', ')}\n`);
  else if (generated.length > 0) ctx.io.out(`generated secrets: ${generated.join(', ')} (kept in the bundle; composing again into ${shown}/ keeps them)\n`);
  ctx.io.out(`next: ${NEXT_STEP[target](shown, spec.metadata.name)}\n`);
  if (options.connectHint && app.instances.length === 1) {
    for (const line of connectHint(app.instances[0]!, target, spec.metadata.name, shown, files)) ctx.io.out(`${line}\n`);
  }
  return ExitCode.Ok;
}

/** A bundle ready to write, or the problems that stop it. */
type Rendered =
  { app: ResolvedApp; files: BundleFile[]; warnings: Diagnostic[]; previousSecrets: Record<string, Record<string, string>> } | { problems: Diagnostic[] };

function composeAndRender(
  spec: AppSpec,
  ctx: CommandContext,
  target: Target,
  previousFiles: ReadonlyMap<string, string>,
  options: { publishExposed?: boolean; connectHint?: boolean; catalog?: CatalogIndex },
): Rendered {
  const previousSecrets = SECRET_READERS[target](previousFiles);
  const composed = composeApp(spec, options.catalog ?? ctx.catalog(), { previousSecrets, publishExposed: options.publishExposed });
  if (!composed.app) return { problems: [...composed.diagnostics, ...composed.warnings] };
  return { app: composed.app, files: RENDERERS[target](composed.app), warnings: composed.warnings, previousSecrets };
}

export function conflictMessage(out: string, conflicts: readonly BundleConflict[]): string {
  const shown = conflicts.slice(0, MAX_CONFLICTS_SHOWN).map((c) => `  ${c.path}: ${c.problem}`);
  if (conflicts.length > shown.length) shown.push(`  … and ${conflicts.length - shown.length} more`);
  return [
    `nothing written: files in --out ${out} are in the way, and aisle replaces or removes only files it wrote and nobody changed since:`,
    ...shown,
    'Move your changes elsewhere (into the app spec, or a file of your own) and compose again, or pass --force to replace them.',
  ].join('\n');
}
