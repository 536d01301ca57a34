import { error } from '../../../../libs/diagnostics/index.js';
import { FORCE_DESCRIPTION } from '../bundle-options.js';
import type { Command } from '../command.js';
import { listRevisions, readRevisionFiles } from '../day-two/bundle-revisions.js';
import { readBundle } from '../day-two/read-bundle.js';
import { switchBundle } from '../day-two/switch-bundle.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { planBundleWrite } from '../plan-bundle-write.js';
import { conflictMessage } from '../produce-bundle.js';
import { readPreviousBundle } from '../read-previous-bundle.js';

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'restore a kept revision of a bundle byte for byte (the current one is kept as a new revision, so rollback can be undone)',
  usage: 'aisle rollback [DIR] [--to N] [--force]',
  options: [
    { name: 'to', type: 'string', valueName: 'N', description: 'the revision to restore (default: the latest kept; see aisle history)' },
    { name: 'force', type: 'boolean', description: FORCE_DESCRIPTION },
  ],
  run(ctx) {
    const read = readBundle(ctx, { recover: true });
    if (!read.bundle) return ctx.report(read.diagnostics);
    const { dir, shown } = read.bundle;
    const revisions = listRevisions(dir);
    const asked = ctx.args.options.to;
    if (asked !== undefined && (typeof asked !== 'string' || !/^[1-9][0-9]{0,8}$/.test(asked)))
      throw new UsageError('--to must be a revision number (see aisle history)', '--to');
    const revision = asked === undefined ? revisions[revisions.length - 1]?.revision : Number(asked);
    const files = revision === undefined ? undefined : readRevisionFiles(dir, revision);
    if (revision === undefined || !files) {
      const kept = revisions.map((r) => r.revision).join(', ');
      const message = revisions.length === 0 ? `${shown} keeps no revisions yet: an upgrade keeps one` : `${shown} has no revision ${revision}; kept: ${kept}`;
      return ctx.report([error('REVISION_NOT_FOUND', asked === undefined ? 'DIR' : '--to', message)]);
    }
    const previous = readPreviousBundle(dir);
    const write = planBundleWrite(dir, files, previous, ctx.args.options.force === true);
    if (write.conflicts.length > 0) throw new UsageError(conflictMessage(shown, write.conflicts), 'DIR');
    const kept = switchBundle(dir, files, write.remove, { replacedAt: new Date().toISOString(), replacedBy: `rollback to ${revision}` });
    if (ctx.json) return ctx.report([], { restored: revision, kept, files: files.map((f) => f.path), removed: write.remove });
    ctx.io.out(
      `restored revision ${revision} in ${shown}/; the bundle it replaced is kept as revision ${kept} (aisle rollback ${shown} --to ${kept} undoes this)\n`,
    );
    return ExitCode.Ok;
  },
};
