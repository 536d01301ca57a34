import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { LOCK_FILE } from '../../../libs/render/index.js';
import { isSafeBundlePath } from './bundle-path.js';
import type { BundleWritePlan } from './plan-bundle-write.js';
import { PENDING_LOCK_FILE } from './read-previous-bundle.js';

export { isSafeBundlePath } from './bundle-path.js';

/**
 * Carries out a bundle write planned by planBundleWrite (which refuses on conflicts).
 * Every file is first written to a staging folder inside `dir`, so nothing lands beside
 * it, and then renamed into place, so no file is ever half-written. The new lock goes in
 * first as `.aisle.lock.next` and becomes `aisle.lock` last: a write cut short leaves
 * every file either as before or as new, and both locks, so the next compose knows all
 * of them as aisle's and finishes the job. Never writes or removes outside `dir`.
 */
export function writeBundle(dir: string, plan: Pick<BundleWritePlan, 'files' | 'remove'>): void {
  for (const f of plan.files)
    if (!isSafeBundlePath(f.path) || f.path === PENDING_LOCK_FILE) throw new Error(`refusing to write "${f.path}": it would leave ${dir}`);
  for (const path of plan.remove) if (!isSafeBundlePath(path)) throw new Error(`refusing to remove "${path}": it is outside ${dir}`);
  if (existsSync(dir) && !lstatSync(dir).isDirectory()) throw new Error(`${dir} exists and is not a folder`);
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const root = realpathSync(dir);
  const staging = mkdtempSync(join(root, '.aisle-staging-'));
  try {
    for (const f of plan.files) {
      const target = join(staging, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content, { mode: f.mode ?? 0o644 });
      // The umask may have widened or narrowed the mode; secrets must end up exactly private.
      chmodSync(target, f.mode ?? 0o644);
    }
    // Check every destination before moving any file in, so a refusal leaves the folder as it was.
    for (const f of plan.files) {
      const target = join(root, f.path);
      mkdirSync(dirname(target), { recursive: true });
      const folder = realpathSync(dirname(target));
      if (folder !== root && !folder.startsWith(root + sep)) throw new Error(`refusing to write "${f.path}": ${relative(root, folder)} leads outside ${dir}`);
    }
    const lock = plan.files.find((f) => f.path === LOCK_FILE);
    if (lock) renameSync(join(staging, LOCK_FILE), join(root, PENDING_LOCK_FILE));
    for (const f of plan.files) if (f !== lock) renameSync(join(staging, f.path), join(root, f.path));
    for (const path of plan.remove) removeWithEmptyParents(root, path);
    if (lock) renameSync(join(root, PENDING_LOCK_FILE), join(root, LOCK_FILE));
  } finally {
    rmSync(staging, { recursive: true, force: true });
    if (created) removeIfEmpty(root);
  }
}

/** Removes a file an earlier bundle wrote, then its folders as they become empty (never `root` itself). */
function removeWithEmptyParents(root: string, path: string): void {
  const segments = path.split('/');
  // Only through real folders: a link on the way could lead anywhere.
  for (let n = 1; n < segments.length; n++) if (!lstatSync(join(root, ...segments.slice(0, n))).isDirectory()) return;
  unlinkSync(join(root, path));
  segments.pop();
  while (segments.length > 0) {
    try {
      rmdirSync(join(root, ...segments));
    } catch {
      return;
    }
    segments.pop();
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty: the write got far enough to keep it.
  }
}
