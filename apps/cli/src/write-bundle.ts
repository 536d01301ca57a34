import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { BundleFile } from '../../../libs/render/index.js';

/** True when a bundle path stays inside its folder: relative, no `..`, no empty or odd segments. */
export function isSafeBundlePath(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Writes a bundle into `dir`: every file goes first to a temporary folder beside it,
 * then is renamed into place, so a failure leaves no half-written file. Never writes
 * outside `dir` (paths that would escape, or symlinked sub-folders, are refused).
 */
export function writeBundle(dir: string, files: readonly BundleFile[], stale: readonly string[] = []): void {
  for (const f of files) if (!isSafeBundlePath(f.path)) throw new Error(`refusing to write "${f.path}": it would leave ${dir}`);
  for (const path of stale) if (!isSafeBundlePath(path)) throw new Error(`refusing to remove "${path}": it is outside ${dir}`);
  if (existsSync(dir) && !lstatSync(dir).isDirectory()) throw new Error(`${dir} exists and is not a folder`);
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(dir)}.aisle-`));
  try {
    for (const f of files) {
      const target = join(staging, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content, { mode: f.mode ?? 0o644 });
      // The umask may have widened or narrowed the mode; secrets must end up exactly private.
      chmodSync(target, f.mode ?? 0o644);
    }
    mkdirSync(dir, { recursive: true });
    const root = realpathSync(dir);
    // Check every destination before moving any file in, so a refusal leaves the folder as it was.
    for (const f of files) {
      const target = join(dir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      const folder = realpathSync(dirname(target));
      if (folder !== root && !folder.startsWith(root + sep)) throw new Error(`refusing to write "${f.path}": ${relative(root, folder)} leads outside ${dir}`);
    }
    for (const f of files) renameSync(join(staging, f.path), join(dir, f.path));
    for (const path of stale) removeWithEmptyParents(dir, path);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes a file an earlier bundle left, then its folders as they become empty (never `dir` itself). */
function removeWithEmptyParents(dir: string, path: string): void {
  unlinkSync(join(dir, path));
  const segments = path.split('/').slice(0, -1);
  while (segments.length > 0) {
    try {
      rmdirSync(join(dir, ...segments));
    } catch {
      return;
    }
    segments.pop();
  }
}
