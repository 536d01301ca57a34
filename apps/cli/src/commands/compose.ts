import type { Command } from '../command.js';
import { loadAppSpec } from '../load-app-spec.js';
import { UsageError } from '../parse-args.js';
import { BUNDLE_OPTIONS, produceBundle } from '../produce-bundle.js';

export const composeCommand: Command = {
  name: 'compose',
  summary: 'turn an app spec into a bundle (Compose, Kubernetes or Helm)',
  usage: 'aisle compose APP.yaml [--target T] [--out DIR] [--force]',
  options: BUNDLE_OPTIONS,
  run(ctx) {
    const [file, ...extra] = ctx.args.positionals;
    if (!file || extra.length > 0) throw new UsageError('expects exactly one APP.yaml', 'APP.yaml');
    const loaded = loadAppSpec(file, ctx.io.cwd);
    if (!loaded.spec) return ctx.report(loaded.diagnostics);
    return produceBundle(ctx, loaded.spec);
  },
};
