import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { planUpgrade, type UpgradePlan } from '../../../../libs/upgrade/index.js';
import { FORCE_DESCRIPTION } from '../bundle-options.js';
import type { Command, CommandContext } from '../command.js';
import { APP_OPTION, readBundle } from '../day-two/read-bundle.js';
import { switchBundle } from '../day-two/switch-bundle.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { planBundleWrite } from '../plan-bundle-write.js';
import { conflictMessage } from '../produce-bundle.js';
import { readPreviousBundle } from '../read-previous-bundle.js';

export const upgradeCommand: Command = {
  name: 'upgrade',
  summary: 'move a bundle to newer component versions: plan, diff, then an atomic switch (the old one kept as a revision)',
  usage: 'aisle upgrade [DIR] [--app APP.yaml] [--instance NAME] [--to RANGE] [--dry-run] [--data-step-done] [--force]',
  options: [
    APP_OPTION,
    { name: 'instance', type: 'string', valueName: 'NAME', description: 'upgrade only this instance' },
    {
      name: 'to',
      type: 'string',
      valueName: 'RANGE',
      description: "move to the highest version in RANGE (default: the highest in the spec's range); with --app, the spec's range becomes RANGE",
    },
    { name: 'dry-run', type: 'boolean', description: 'print the plan and the diff; write nothing' },
    { name: 'data-step-done', type: 'boolean', description: "the work a version's data note asks for (e.g. pg_upgrade) is done: upgrade anyway" },
    {
      name: 'force',
      type: 'boolean',
      description: FORCE_DESCRIPTION,
    },
  ],
  run(ctx) {
    const read = readBundle(ctx, { recover: true });
    if (!read.bundle) return ctx.report(read.diagnostics);
    const { dir, shown, lock, lockText, spec } = read.bundle;
    const force = ctx.args.options.force === true;
    const previous = readPreviousBundle(dir);
    const result = planUpgrade({
      lock,
      lockText,
      catalog: ctx.catalog(),
      files: previous.files,
      spec,
      instance: option(ctx, 'instance'),
      to: option(ctx, 'to'),
      acceptDataStep: ctx.args.options['data-step-done'] === true,
      force,
    });
    const { plan, warnings } = result;
    if (!plan || result.diagnostics.length > 0) {
      if (plan && !ctx.json) printPlan(ctx, plan, false);
      const code = ctx.report([...result.diagnostics, ...warnings], plan ? summary(plan) : undefined);
      if (!ctx.json && result.diagnostics.some((d) => d.code === 'UPGRADE_DATA_STEP'))
        ctx.io.err('Do the data step first, then upgrade again with --data-step-done.\n');
      if (!ctx.json && result.diagnostics.some((d) => d.code === 'UPGRADE_VALUE_LOST'))
        ctx.io.err('Move those values where the new version wants them, or pass --force to lose them.\n');
      return code;
    }
    const dryRun = ctx.args.options['dry-run'] === true;
    const unchanged = plan.changes.length === 0;
    if (dryRun || unchanged) {
      if (ctx.json) return ctx.report(warnings, { ...summary(plan), written: false });
      ctx.report(warnings);
      if (unchanged) ctx.io.out(`${shown}: up to date, nothing to upgrade\n`);
      else printPlan(ctx, plan, true);
      return ExitCode.Ok;
    }
    const write = planBundleWrite(dir, plan.files, previous, force);
    if (write.conflicts.length > 0) throw new UsageError(conflictMessage(shown, write.conflicts), 'DIR');
    const moves = plan.instances.map((i) => `${i.instance} ${i.from}→${i.to}`).join(', ');
    const revision = switchBundle(dir, plan.files, write.remove, { replacedAt: new Date().toISOString(), replacedBy: `upgrade${moves ? `: ${moves}` : ''}` });
    const rangesWritten = updateSpecRanges(ctx, plan);
    if (ctx.json) return ctx.report(warnings, { ...summary(plan), written: true, revision, rangesWritten });
    ctx.report(warnings);
    printPlan(ctx, plan, false);
    ctx.io.out(`upgraded ${shown}/; the previous bundle is kept as revision ${revision} (aisle rollback ${shown} undoes this)\n`);
    if (rangesWritten.length > 0) ctx.io.out(`app spec ranges now: ${rangesWritten.join(', ')}\n`);
    return ExitCode.Ok;
  },
};

function option(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** What --json returns: the plan without file contents (the new files may hold secrets). */
function summary(plan: UpgradePlan) {
  return { app: plan.app, target: plan.target, instances: plan.instances, changes: plan.changes, ranges: plan.ranges };
}

function printPlan(ctx: CommandContext, plan: UpgradePlan, withDiff: boolean): void {
  for (const i of plan.instances) {
    ctx.io.out(`${i.instance}: ${i.component} ${i.from} → ${i.to}\n`);
    for (const m of i.migrations) ctx.io.out(`  input migration: ${m}\n`);
    for (const d of i.data) ctx.io.out(`  data note: ${d}\n`);
  }
  if (!withDiff) return;
  for (const c of plan.changes) {
    if (c.masked) ctx.io.out(`${c.change} ${c.path} (holds secrets: not shown)\n`);
    else ctx.io.out(c.diff!);
  }
  ctx.io.out(`dry run: nothing written (${plan.changes.length} file${plan.changes.length === 1 ? '' : 's'} would change)\n`);
}

/** With --to and --app, the spec's component references move to the range asked for; comments and order are kept. */
function updateSpecRanges(ctx: CommandContext, plan: UpgradePlan): string[] {
  const app = option(ctx, 'app');
  const entries = Object.entries(plan.ranges);
  if (app === undefined || entries.length === 0) return [];
  const file = resolve(ctx.io.cwd, app);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  for (const [instance, reference] of entries) doc.setIn(['instances', instance, 'component'], reference);
  writeFileSync(file, doc.toString());
  return entries.map(([instance, reference]) => `${instance}: ${reference}`);
}
