import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { error, type Diagnostic } from '../../../../libs/diagnostics/index.js';
import type { AppSpec } from '../../../../libs/manifest/index.js';
import { LOCK_FILE, type Lock } from '../../../../libs/render/index.js';
import { MAX_LOCK_BYTES, parseLock } from '../../../../libs/upgrade/index.js';
import type { CommandContext } from '../command.js';
import { loadAppSpec } from '../load-app-spec.js';
import { UsageError } from '../parse-args.js';
import { recoverBundle } from './switch-bundle.js';

/** A bundle folder as the day-two commands read it. */
export interface BundleOnDisk {
  dir: string;
  /** The folder as the user named it, for messages. */
  shown: string;
  lockText: string;
  lock: Lock;
  /** The app spec given with --app. */
  spec?: AppSpec;
}

/**
 * Reads the bundle a day-two command works on: DIR (default `.`) holding `aisle.lock`, or
 * the lock file itself; finishes or discards an interrupted switch first; `--app` adds the
 * app spec. Problems come back as diagnostics naming the file and what is wrong.
 */
export function readBundle(ctx: CommandContext, options: { recover: boolean }): { bundle?: BundleOnDisk; diagnostics: Diagnostic[] } {
  const [given = '.', ...extra] = ctx.args.positionals;
  if (extra.length > 0) throw new UsageError('expects at most one DIR', 'DIR');
  let dir = resolve(ctx.io.cwd, given);
  if (existsSync(dir) && statSync(dir).isFile() && basename(dir) === LOCK_FILE) dir = dirname(dir);
  const shown = relative(ctx.io.cwd, dir) || '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${given} is not a bundle folder`, 'DIR');
  if (options.recover) {
    const recovered = recoverBundle(dir);
    if (recovered === 'finished') ctx.io.err(`${shown}: finished a switch to a new bundle that was interrupted\n`);
    if (recovered === 'discarded') ctx.io.err(`${shown}: discarded an interrupted upgrade's staging folder; the bundle is as it was\n`);
  }
  const file = resolve(dir, LOCK_FILE);
  const shownLock = relative(ctx.io.cwd, file);
  if (!existsSync(file))
    return { diagnostics: [error('FILE_UNREADABLE', shownLock, `${shown} has no ${LOCK_FILE}: it is not a bundle aisle wrote`, { file: shownLock })] };
  if (statSync(file).size > MAX_LOCK_BYTES)
    return { diagnostics: [error('YAML_TOO_LARGE', shownLock, `is larger than ${MAX_LOCK_BYTES} bytes`, { file: shownLock })] };
  const lockText = readFileSync(file, 'utf8');
  const parsed = parseLock(lockText, shownLock);
  if (!parsed.lock) return { diagnostics: parsed.diagnostics };
  const app = ctx.args.options.app;
  let spec: AppSpec | undefined;
  if (typeof app === 'string') {
    const loaded = loadAppSpec(app, ctx.io.cwd);
    if (!loaded.spec) return { diagnostics: loaded.diagnostics };
    spec = loaded.spec;
  }
  return { bundle: { dir, shown, lockText, lock: parsed.lock, spec }, diagnostics: [] };
}

/** The `--app` option the day-two commands share. */
export const APP_OPTION = {
  name: 'app',
  type: 'string',
  valueName: 'APP.yaml',
  description: 'the app spec the bundle was composed from: its ranges, wiring and env (needed when the lock alone does not reproduce the bundle)',
} as const;
