import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCK_FILE, type BundleFile } from '../../../../libs/render/index.js';
import { isSafeBundlePath } from '../bundle-path.js';
import { AISLE_DIR, nextRevision, REVISIONS_DIR, type RevisionMeta } from './bundle-revisions.js';

/** The committed switch: while it exists, the new bundle is decided and recovery finishes moving it in. */
const SWITCH_DIR = `${AISLE_DIR}/switch`;
const STAGING_PREFIX = 'staging-';

/** What a switch records before it commits: enough for recovery to finish it alone. */
interface SwitchJournal {
  revision: number;
  write: string[];
  remove: string[];
}

/**
 * Replaces the aisle files of the bundle in `dir` with `files`, keeping the old ones as a
 * new revision under `.aisle/revisions/N/`. The whole new bundle and the old one's copy are
 * staged under `.aisle/` first; renaming the staging folder to `.aisle/switch` is the one
 * instant the switch happens. Before it, the folder is the old bundle; after it, the journal
 * says what to move and `recoverBundle` (which every day-two command runs first) finishes.
 * Files the user keeps beside the bundle are never touched. Returns the revision number.
 */
export function switchBundle(dir: string, files: readonly BundleFile[], remove: readonly string[], meta: Omit<RevisionMeta, 'revision'>): number {
  for (const path of [...files.map((f) => f.path), ...remove])
    if (!isSafeBundlePath(path) || path.split('/')[0] === AISLE_DIR) throw new Error(`refusing to switch "${path}": it is outside the bundle`);
  recoverBundle(dir);
  const fault = faultInjector();
  const revision = nextRevision(dir);
  fault(() => mkdirSync(join(dir, AISLE_DIR), { recursive: true }));
  const staging = fault(() => mkdtempSync(join(dir, AISLE_DIR, STAGING_PREFIX)));
  for (const f of files) {
    const target = join(staging, 'new', f.path);
    fault(() => mkdirSync(dirname(target), { recursive: true }));
    fault(() => writeFileSync(target, f.content, { mode: f.mode ?? 0o644 }));
    fault(() => chmodSync(target, f.mode ?? 0o644));
  }
  // The old bundle as it is: every file its lock lists that is still there, and the lock.
  const old = new Set([...remove, ...files.map((f) => f.path), LOCK_FILE].filter((path) => isRegularFile(join(dir, path))));
  for (const path of [...old].sort()) {
    const target = join(staging, 'old', 'files', path);
    fault(() => mkdirSync(dirname(target), { recursive: true }));
    fault(() => keepCopy(join(dir, path), target));
  }
  fault(() => writeFileSync(join(staging, 'old', 'revision.json'), `${JSON.stringify({ revision, ...meta }, null, 2)}\n`));
  // The lock goes in last: until it does, aisle.lock still names what was there.
  const write = files.map((f) => f.path).sort((a, b) => Number(a === LOCK_FILE) - Number(b === LOCK_FILE));
  const journal: SwitchJournal = { revision, write, remove: [...remove].sort() };
  fault(() => writeFileSync(join(staging, 'journal.json'), `${JSON.stringify(journal)}\n`));
  fault(() => renameSync(staging, join(dir, SWITCH_DIR)));
  finishSwitch(dir, fault);
  return revision;
}

/**
 * Brings a bundle folder back to one whole bundle after an interrupted switch: an
 * uncommitted staging folder is thrown away (the old bundle stands), a committed switch
 * is finished (the new bundle stands). Returns what it did, for the user to be told.
 */
export function recoverBundle(dir: string): 'none' | 'discarded' | 'finished' {
  const aisle = join(dir, AISLE_DIR);
  if (!existsSync(aisle) || !lstatSync(aisle).isDirectory()) return 'none';
  let done: 'none' | 'discarded' | 'finished' = 'none';
  for (const entry of readdirSync(aisle)) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    rmSync(join(aisle, entry), { recursive: true, force: true });
    done = 'discarded';
  }
  if (existsSync(join(dir, SWITCH_DIR))) {
    finishSwitch(dir, (f) => f());
    done = 'finished';
  }
  return done;
}

/** Moves a committed switch's files into place; each step can be repeated after a crash. */
function finishSwitch(dir: string, fault: Fault): void {
  const root = join(dir, SWITCH_DIR);
  const journalFile = join(root, 'journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as SwitchJournal;
  const writing = new Set(journal.write);
  for (const path of journal.remove) {
    if (writing.has(path) || !existsSync(join(dir, path))) continue;
    fault(() => unlinkSync(join(dir, path)));
    removeEmptyParents(dir, path, fault);
  }
  for (const path of journal.write) {
    const staged = join(root, 'new', path);
    if (!existsSync(staged)) continue;
    fault(() => mkdirSync(dirname(join(dir, path)), { recursive: true }));
    fault(() => renameSync(staged, join(dir, path)));
  }
  const kept = join(dir, REVISIONS_DIR, String(journal.revision));
  if (existsSync(join(root, 'old'))) {
    fault(() => mkdirSync(join(dir, REVISIONS_DIR), { recursive: true }));
    if (existsSync(kept)) fault(() => rmSync(kept, { recursive: true, force: true }));
    fault(() => renameSync(join(root, 'old'), kept));
  }
  // Out of the way in one step, so a crash while deleting never leaves a switch without its journal.
  const spent = join(dir, AISLE_DIR, `${STAGING_PREFIX}spent-${journal.revision}`);
  fault(() => renameSync(root, spent));
  fault(() => rmSync(spent, { recursive: true, force: true }));
}

/** A hard link where the file system allows one (instant, and the rename that follows leaves it intact), else a copy. */
function keepCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    chmodSync(to, lstatSync(from).mode & 0o777);
  }
}

function removeEmptyParents(dir: string, path: string, fault: Fault): void {
  const segments = path.split('/').slice(0, -1);
  while (segments.length > 0) {
    try {
      fault(() => rmdirSync(join(dir, ...segments)));
    } catch {
      return;
    }
    segments.pop();
  }
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

type Fault = <T>(step: () => T) => T;

/**
 * For the crash test only: with AISLE_FAULT_AT=k in the environment, the process kills
 * itself (SIGKILL, no cleanup) just before its k-th file-system step of a switch.
 */
function faultInjector(): Fault {
  const at = Number(process.env.AISLE_FAULT_AT);
  let count = 0;
  return (step) => {
    count += 1;
    if (Number.isInteger(at) && at > 0 && count === at) process.kill(process.pid, 'SIGKILL');
    return step();
  };
}
