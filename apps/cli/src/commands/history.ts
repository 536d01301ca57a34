import { join } from 'node:path';
import { LOCK_FILE } from '../../../../libs/render/index.js';
import type { Command } from '../command.js';
import { listRevisions, lockInstances } from '../day-two/bundle-revisions.js';
import { readBundle } from '../day-two/read-bundle.js';
import { ExitCode } from '../exit-code.js';
import { formatTable } from '../format-table.js';

export const historyCommand: Command = {
  name: 'history',
  summary: "a bundle's kept revisions (what each upgrade or rollback replaced), oldest first, then the current one",
  usage: 'aisle history [DIR]',
  options: [],
  run(ctx) {
    const read = readBundle(ctx, { recover: true });
    if (!read.bundle) return ctx.report(read.diagnostics);
    const { dir, shown } = read.bundle;
    const revisions = listRevisions(dir);
    const current = lockInstances(join(dir, LOCK_FILE));
    if (ctx.json) return ctx.report([], { revisions, current: { instances: current } });
    const versions = (instances: Record<string, string>) =>
      Object.entries(instances)
        .map(([name, at]) => `${name}=${at}`)
        .join(' ');
    const rows = revisions.map((r) => [String(r.revision), r.replacedAt, r.replacedBy, versions(r.instances)]);
    rows.push(['current', '', '', versions(current)]);
    ctx.io.out(formatTable(['REVISION', 'REPLACED AT', 'REPLACED BY', 'INSTANCES'], rows));
    if (revisions.length > 0) ctx.io.out(`aisle rollback ${shown} --to N restores revision N (the current bundle is kept as a new revision)\n`);
    return ExitCode.Ok;
  },
};
