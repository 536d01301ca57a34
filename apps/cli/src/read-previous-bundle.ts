import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAsLocked, LOCK_FILE, readLockFiles } from '../../../libs/render/index.js';
import { bundlePathEntry, isSafeBundlePath } from './bundle-path.js';

/** Where a write puts the new lock until every file is in place (see writeBundle). */
export const PENDING_LOCK_FILE = '.aisle.lock.next';

const MAX_LOCK_BYTES = 32 * 1024 * 1024;
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** What an earlier bundle in a folder left, as its aisle.lock tells. */
export interface PreviousBundle {
  /** Per path, the lock entries saying aisle wrote it (aisle.lock, and a pending lock an interrupted write left). */
  locked: Map<string, string[]>;
  /** Lock files in the folder that are aisle's own (aisle.lock, .aisle.lock.next). */
  locks: Set<string>;
  /** Text of the listed files still there, for a target's SecretReader. */
  files: Map<string, string>;
  /** Listed paths whose bytes are still exactly what aisle wrote. */
  unchanged: Set<string>;
}

/**
 * Reads what an earlier bundle in `dir` wrote: only the files its aisle.lock lists (the
 * user's own files are never read), and whether each is still as aisle wrote it.
 */
export function readPreviousBundle(dir: string): PreviousBundle {
  const previous: PreviousBundle = { locked: new Map(), locks: new Set(), files: new Map(), unchanged: new Set() };
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return previous;
  for (const lockPath of [LOCK_FILE, PENDING_LOCK_FILE]) {
    const entry = bundlePathEntry(dir, lockPath);
    if (entry.kind !== 'file' || entry.size > MAX_LOCK_BYTES) continue;
    const listed = readLockFiles(readFileSync(join(dir, lockPath), 'utf8'));
    if (!listed) continue;
    previous.locks.add(lockPath);
    for (const [path, digest] of listed) {
      if (!isSafeBundlePath(path) || path === LOCK_FILE || path === PENDING_LOCK_FILE) continue;
      previous.locked.set(path, [...(previous.locked.get(path) ?? []), digest]);
    }
  }
  for (const [path, digests] of previous.locked) {
    const bytes = readBundleFile(dir, path);
    if (!bytes) continue;
    previous.files.set(path, bytes.toString('utf8'));
    if (digests.some((d) => isAsLocked(d, bytes))) previous.unchanged.add(path);
  }
  return previous;
}

/** The bytes of a regular file at a bundle path (no link followed), or undefined. */
export function readBundleFile(dir: string, path: string): Buffer | undefined {
  const entry = bundlePathEntry(dir, path);
  if (entry.kind !== 'file' || entry.size > MAX_FILE_BYTES) return undefined;
  return readFileSync(join(dir, path));
}
