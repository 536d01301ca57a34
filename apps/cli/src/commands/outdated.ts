import { planOutdated } from '../../../../libs/upgrade/index.js';
import type { Command } from '../command.js';
import { APP_OPTION, readBundle } from '../day-two/read-bundle.js';
import { ExitCode } from '../exit-code.js';
import { formatTable } from '../format-table.js';

export const outdatedCommand: Command = {
  name: 'outdated',
  summary: 'which instances of a bundle have newer versions (exit 1 when any has, for CI)',
  usage: 'aisle outdated [DIR] [--app APP.yaml]',
  options: [APP_OPTION],
  run(ctx) {
    const read = readBundle(ctx, { recover: false });
    if (!read.bundle) return ctx.report(read.diagnostics);
    const { lock, spec, shown } = read.bundle;
    const { instances, diagnostics } = planOutdated(lock, ctx.catalog(), spec);
    if (diagnostics.length > 0) return ctx.report(diagnostics);
    const outdated = instances.filter((i) => i.outdated);
    const code = outdated.length > 0 ? ExitCode.Invalid : ExitCode.Ok;
    if (ctx.json) {
      ctx.io.out(
        `${JSON.stringify({ ok: true, result: { app: lock.app, target: lock.target, instances, outdated: outdated.length }, diagnostics: [] }, null, 2)}\n`,
      );
      return code;
    }
    if (outdated.length === 0) {
      ctx.io.out(`${shown}: every instance is up to date\n`);
      return code;
    }
    const move = (kind: string) => (kind === 'none' ? '' : kind === 'unsupported' ? 'no in-place upgrade' : kind);
    ctx.io.out(
      formatTable(
        ['INSTANCE', 'COMPONENT', 'CURRENT', 'WANTED', 'LATEST', 'TO WANTED', 'TO LATEST'],
        outdated.map((i) => [i.instance, i.component, i.current, i.wanted, i.latest, move(i.toWanted), move(i.toLatest)]),
      ),
    );
    for (const i of outdated) if (i.note) ctx.io.out(`${i.instance} → ${i.latest}: ${i.note}\n`);
    ctx.io.out(`next: aisle upgrade ${shown} --dry-run\n`);
    return code;
  },
};
