import { composeApp } from '../../../../libs/composition/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { formatTable } from '../format-table.js';
import { loadAppSpec } from '../load-app-spec.js';
import { UsageError } from '../parse-args.js';
import { appReferences } from '../registry/catalog-source.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check an app spec, its components, inputs and wiring; writes nothing',
  usage: 'aisle validate APP.yaml [--registry URL]',
  options: [REGISTRY_OPTION],
  async run(ctx) {
    const [file, ...extra] = ctx.args.positionals;
    if (!file || extra.length > 0) throw new UsageError('expects exactly one APP.yaml', 'APP.yaml');
    const loaded = loadAppSpec(file, ctx.io.cwd);
    if (!loaded.spec) return ctx.report(loaded.diagnostics);
    const catalog = await ctx.catalogSource().indexFor(appReferences(loaded.spec));
    const composed = composeApp(loaded.spec, catalog);
    const diagnostics = [...loaded.diagnostics, ...composed.diagnostics, ...composed.warnings];
    if (!composed.app) return ctx.report(diagnostics);
    const instances = composed.app.instances.map((i) => ({ name: i.name, component: i.component.name, version: i.component.version, dependsOn: i.dependsOn }));
    if (ctx.json) return ctx.report(diagnostics, { app: composed.app.name, valid: true, instances });
    ctx.report(diagnostics);
    ctx.io.out(`${file}: valid — app ${composed.app.name}, ${instances.length} instance${instances.length === 1 ? '' : 's'} in start order:\n`);
    ctx.io.out(
      formatTable(
        ['INSTANCE', 'COMPONENT', 'AFTER'],
        instances.map((i) => [i.name, `${i.component}@${i.version}`, i.dependsOn.join(', ')]),
        '  ',
      ),
    );
    return ExitCode.Ok;
  },
};
