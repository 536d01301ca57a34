import type { Command } from '../command.js';
import { loadAppSpec } from '../load-app-spec.js';
import { UsageError } from '../parse-args.js';
import { BUNDLE_OPTIONS, produceBundle } from '../produce-bundle.js';
import { appReferences } from '../registry/catalog-source.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const composeCommand: Command = {
  name: 'compose',
  summary: 'turn an app spec into a bundle (Compose, Kubernetes or Helm)',
  usage: 'aisle compose APP.yaml [--target T] [--out DIR] [--force] [--registry URL]',
  options: [...BUNDLE_OPTIONS, REGISTRY_OPTION],
  async run(ctx) {
    const [file, ...extra] = ctx.args.positionals;
    if (!file || extra.length > 0) throw new UsageError('expects exactly one APP.yaml', 'APP.yaml');
    const loaded = loadAppSpec(file, ctx.io.cwd);
    if (!loaded.spec) return ctx.report(loaded.diagnostics);
    const catalog = await ctx.catalogSource().indexFor(appReferences(loaded.spec));
    return produceBundle(ctx, loaded.spec, { catalog });
  },
};
