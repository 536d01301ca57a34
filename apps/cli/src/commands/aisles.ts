import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const aislesCommand: Command = {
  name: 'aisles',
  summary: 'list the aisles with their component counts',
  usage: 'aisle aisles [--registry URL] [--json]',
  options: [REGISTRY_OPTION],
  async run(ctx) {
    const aisles = await ctx.catalogSource().aisles();
    if (ctx.json) return ctx.report([], aisles);
    const width = Math.max(5, ...aisles.map((a) => a.name.length));
    ctx.io.out(`${'AISLE'.padEnd(width)}  COMPONENTS\n`);
    for (const a of aisles) ctx.io.out(`${a.name.padEnd(width)}  ${a.components}\n`);
    return ExitCode.Ok;
  },
};
