import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'find components by text and aisle',
  usage: 'aisle search [TEXT] [--aisle AISLE] [--registry URL] [--json]',
  options: [{ name: 'aisle', type: 'string', valueName: 'AISLE', description: 'only this aisle' }, REGISTRY_OPTION],
  async run(ctx) {
    const text = ctx.args.positionals.join(' ');
    const found = await ctx.catalogSource().search(text, ctx.args.options.aisle as string | undefined);
    const rows = found.map((v) => ({
      name: v.name,
      version: v.version,
      aisle: v.manifest.metadata.aisle,
      title: v.manifest.metadata.title,
      certified: v.certification.level === 'certified',
    }));
    if (ctx.json) return ctx.report([], rows);
    if (rows.length === 0) {
      ctx.io.err('no components match\n');
      return ExitCode.Ok;
    }
    const w = (k: 'name' | 'version' | 'aisle') => Math.max(k.length, ...rows.map((r) => r[k].length));
    const line = (n: string, v: string, a: string, t: string) => `${n.padEnd(w('name'))}  ${v.padEnd(w('version'))}  ${a.padEnd(w('aisle'))}  ${t}\n`;
    ctx.io.out(line('NAME', 'VERSION', 'AISLE', 'TITLE'));
    for (const r of rows) ctx.io.out(line(r.name, r.version, r.aisle, `${r.title}${r.certified ? '' : ' (uncertified)'}`));
    return ExitCode.Ok;
  },
};
