import { LOCK_FILE, type BundleFile } from '../../../libs/render/index.js';
import { bundlePathEntry, isSafeBundlePath } from './bundle-path.js';
import { PENDING_LOCK_FILE, readBundleFile, type PreviousBundle } from './read-previous-bundle.js';

/** A file in the way of a write, and why (never its content). */
export interface BundleConflict {
  path: string;
  problem: string;
}

/** What writing a bundle into a folder will do, settled before anything is touched. */
export interface BundleWritePlan {
  files: BundleFile[];
  /** Files an earlier bundle wrote that the new one no longer has, to remove. */
  remove: string[];
  /** Files that stop the write: changed since aisle wrote them, or never written by aisle. */
  conflicts: BundleConflict[];
  /** Those of them `--force` replaces or removes (only ever a file an earlier bundle wrote, or one at a path the new bundle writes). */
  forced: BundleConflict[];
}

/**
 * Decides which files a bundle write replaces and removes: only those the earlier lock
 * lists and that are still as aisle wrote them. A file aisle did not write, or one the
 * user changed, is a conflict (`--force` replaces it); a file no lock lists is never removed.
 */
export function planBundleWrite(dir: string, files: readonly BundleFile[], previous: PreviousBundle, force: boolean): BundleWritePlan {
  const plan: BundleWritePlan = { files: [...files], remove: [], conflicts: [], forced: [] };
  const stop = (path: string, problem: string, forceable: boolean) => {
    if (force && forceable) plan.forced.push({ path, problem });
    else plan.conflicts.push({ path, problem: forceable ? problem : `${problem} (not even --force replaces it)` });
  };
  const next = new Set(files.map((f) => f.path));
  for (const file of files) {
    if (!isSafeBundlePath(file.path) || file.path === PENDING_LOCK_FILE) throw new Error(`refusing to write "${file.path}": it would leave ${dir}`);
    const entry = bundlePathEntry(dir, file.path);
    switch (entry.kind) {
      case 'missing':
        continue;
      case 'blocked':
        stop(entry.at, 'is not a folder, and the bundle needs one here', false);
        continue;
      case 'folder':
        stop(file.path, 'is a folder, and the bundle writes a file here', false);
        continue;
      case 'other':
        stop(file.path, 'is not a regular file', false);
        continue;
      case 'link':
        stop(file.path, 'is a symbolic link aisle did not write', true);
        continue;
      case 'file':
        if (file.path === LOCK_FILE ? previous.locks.has(LOCK_FILE) : previous.unchanged.has(file.path)) continue;
        // Already what the bundle holds (an interrupted write got this far): replacing it changes nothing.
        if (entry.size === Buffer.byteLength(file.content) && readBundleFile(dir, file.path)?.equals(Buffer.from(file.content)) === true) continue;
        if (file.path === LOCK_FILE) stop(file.path, 'is not a lock aisle wrote', true);
        else stop(file.path, previous.locked.has(file.path) ? 'changed since aisle wrote it' : 'aisle did not write it', true);
    }
  }
  for (const path of previous.locked.keys()) {
    if (next.has(path)) continue;
    const entry = bundlePathEntry(dir, path);
    if (entry.kind !== 'file' && entry.kind !== 'link') continue;
    if (entry.kind === 'file' && previous.unchanged.has(path)) plan.remove.push(path);
    else {
      stop(path, 'changed since aisle wrote it, and the new bundle no longer has it', true);
      if (force) plan.remove.push(path);
    }
  }
  const pending = bundlePathEntry(dir, PENDING_LOCK_FILE);
  if (pending.kind !== 'missing' && !previous.locks.has(PENDING_LOCK_FILE))
    stop(PENDING_LOCK_FILE, 'is in the way of the lock aisle writes last', pending.kind === 'file' || pending.kind === 'link');
  plan.remove.sort();
  return plan;
}
