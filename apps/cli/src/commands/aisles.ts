import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../parse-args.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const aislesCommand: Command = {
  name: 'aisles',
  summary: 'list the aisles with their component and kit counts',
  usage: 'aisle aisles [--registry URL]',
  options: [REGISTRY_OPTION],
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('takes no arguments', ctx.args.positionals[0]);
    const aisles = await ctx.catalogSource().aisles();
    if (ctx.json) return ctx.report([], aisles);
    ctx.io.out(
      formatTable(
        ['AISLE', 'COMPONENTS', 'KITS', 'DESCRIPTION'],
        aisles.map((a) => [a.name, String(a.components), String(a.kits), a.description ?? '']),
      ),
    );
    return ExitCode.Ok;
  },
};
