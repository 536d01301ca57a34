import { checkAisle } from '../../../../libs/catalog/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { formatTable } from '../format-table.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'find components and app kits by text and aisle',
  usage: 'aisle search [TEXT] [--aisle AISLE] [--registry URL]',
  options: [{ name: 'aisle', type: 'string', valueName: 'AISLE', description: 'only this aisle' }, REGISTRY_OPTION],
  async run(ctx) {
    const text = ctx.args.positionals.join(' ');
    const aisle = ctx.args.options.aisle as string | undefined;
    const source = ctx.catalogSource();
    // The aisles the source knows (a company's service may have added some) beside the library's list.
    const unknown =
      aisle === undefined
        ? []
        : checkAisle(
            aisle,
            '--aisle',
            (await source.aisles()).map((a) => a.name),
          );
    if (unknown.length > 0) return ctx.report(unknown);
    const { versions: found, kits = [], diagnostics } = await source.search(text, aisle);
    const rows = [
      ...found.map((v) => ({
        name: v.name,
        version: v.version,
        kind: 'component',
        aisle: v.manifest.metadata.aisle,
        title: v.manifest.metadata.title,
        certified: v.certification.level === 'certified',
      })),
      // Kits after the components they are made of, marked in their own column.
      ...kits.map((k) => ({
        name: k.name,
        version: k.version,
        kind: 'kit',
        aisle: k.kit.metadata.aisle,
        title: k.kit.metadata.title,
        certified: k.certification.level === 'certified',
      })),
    ];
    if (ctx.json) return ctx.report(diagnostics, rows);
    if (rows.length === 0) {
      ctx.io.err('no components match\n');
      return ExitCode.Ok;
    }
    ctx.io.out(
      formatTable(
        ['NAME', 'VERSION', 'KIND', 'AISLE', 'TITLE'],
        rows.map((r) => [r.name, r.version, r.kind, r.aisle, `${r.title}${r.certified ? '' : ' (uncertified)'}`]),
      ),
    );
    return ctx.report(diagnostics);
  },
};
