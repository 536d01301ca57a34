import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';

export const aislesCommand: Command = {
  name: 'aisles',
  summary: 'list the aisles with their component counts',
  usage: 'aisle aisles [--json]',
  options: [],
  run(ctx) {
    const aisles = ctx.catalog().aisles();
    if (ctx.json) return ctx.report([], aisles);
    const width = Math.max(5, ...aisles.map((a) => a.name.length));
    ctx.io.out(`${'AISLE'.padEnd(width)}  COMPONENTS  DESCRIPTION\n`);
    for (const a of aisles) ctx.io.out(`${a.name.padEnd(width)}  ${String(a.components).padEnd(10)}  ${a.description ?? ''}\n`.replace(/ +\n$/, '\n'));
    return ExitCode.Ok;
  },
};
