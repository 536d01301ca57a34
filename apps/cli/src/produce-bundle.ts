import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { composeApp } from '../../../libs/compose/index.js';
import type { AppSpec } from '../../../libs/manifest/index.js';
import { RENDERERS, SECRET_READERS } from '../../../libs/render/index.js';
import type { CommandContext } from './command.js';
import { BUNDLE_OPTIONS, targetOption } from './bundle-options.js';
import { ExitCode } from './exit-code.js';
import { UsageError } from './parse-args.js';
import { readBundleDir } from './read-bundle-dir.js';
import { staleBundleFiles } from './stale-bundle-files.js';
import { writeBundle } from './write-bundle.js';

export { BUNDLE_OPTIONS };

const NEXT_STEP = {
  compose: (dir: string) => `cd ${dir} && docker compose up -d`,
  kubernetes: (dir: string) => `kubectl apply -k ${dir}`,
  helm: (dir: string, app: string) => `helm install ${app} ${dir}`,
};

/**
 * Composes an app spec, renders it for `--target` and writes it into `--out` (default
 * `./APP-TARGET`), keeping the secrets an earlier bundle there holds. Writes nothing
 * when anything is invalid; never prints a secret.
 */
export function produceBundle(ctx: CommandContext, spec: AppSpec, options: { publishExposed?: boolean } = {}): ExitCode {
  const target = targetOption(ctx.args.options);
  const outOption = ctx.args.options.out;
  const dir = resolve(ctx.io.cwd, typeof outOption === 'string' ? outOption : `${spec.metadata.name}-${target}`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${typeof outOption === 'string' ? outOption : dir} is a file, not a folder`);
  const previous = readBundleDir(dir);
  const previousSecrets = SECRET_READERS[target](previous);
  const composed = composeApp(spec, ctx.catalog(), { previousSecrets, publishExposed: options.publishExposed });
  if (!composed.app) return ctx.report([...composed.diagnostics, ...composed.warnings]);
  const files = RENDERERS[target](composed.app);
  writeBundle(dir, files, staleBundleFiles(previous, files));
  const shown = relative(ctx.io.cwd, dir) || '.';
  const generated = composed.app.instances.flatMap((i) => i.generatedInputs.map((input) => `${i.name}.${input}`));
  const kept = composed.app.instances.flatMap((i) =>
    i.secretInputs.filter((input) => previousSecrets[i.name]?.[input] !== undefined && i.inputs[input] === previousSecrets[i.name]![input]).map((input) => `${i.name}.${input}`),
  );
  if (ctx.json) {
    return ctx.report(composed.warnings, { target, out: shown, files: files.map((f) => f.path), generated, kept: kept.sort() });
  }
  for (const w of composed.warnings) ctx.io.err(`warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
  const list = files.length <= 8 ? `: ${files.map((f) => f.path).join(', ')}` : '';
  ctx.io.out(`wrote ${files.length} files to ${shown}/ (${target})${list}\n`);
  if (generated.length > 0 && target === 'helm') ctx.io.out(`secrets the chart generates at install and keeps across upgrades: ${generated.join(', ')}\n`);
  else if (generated.length > 0) ctx.io.out(`generated secrets: ${generated.join(', ')} (kept in the bundle; composing again into ${shown}/ keeps them)\n`);
  ctx.io.out(`next: ${NEXT_STEP[target](shown, spec.metadata.name)}\n`);
  return ExitCode.Ok;
}
