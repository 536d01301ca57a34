import { lstatSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** True when a bundle path stays inside its folder: relative, no `..`, no empty or odd segments. */
export function isSafeBundlePath(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** What sits at a bundle path inside a folder, found without following any link. */
export type BundlePathEntry =
  | { kind: 'missing' }
  | { kind: 'file'; size: number }
  | { kind: 'folder' }
  | { kind: 'link' }
  | { kind: 'other' }
  /** A folder on the way is a file, a link or something else: `at` is that prefix. */
  | { kind: 'blocked'; at: string };

/**
 * Looks at `path` under `root` segment by segment with lstat, so a symbolic link on the
 * way (which could lead anywhere) is reported rather than followed.
 */
export function bundlePathEntry(root: string, path: string): BundlePathEntry {
  const segments = path.split('/');
  for (let n = 1; n <= segments.length; n++) {
    const prefix = segments.slice(0, n).join('/');
    let stat;
    try {
      stat = lstatSync(join(root, prefix));
    } catch {
      return { kind: 'missing' };
    }
    if (n < segments.length) {
      if (!stat.isDirectory()) return { kind: 'blocked', at: prefix };
      continue;
    }
    if (stat.isFile()) return { kind: 'file', size: stat.size };
    if (stat.isDirectory()) return { kind: 'folder' };
    if (stat.isSymbolicLink()) return { kind: 'link' };
    return { kind: 'other' };
  }
  return { kind: 'missing' };
}
