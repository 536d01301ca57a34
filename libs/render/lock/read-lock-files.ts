import { parse } from 'yaml';
import { isLockedDigest } from './locked-file.js';

/**
 * The files an `aisle.lock` says its bundle wrote (path → `sha256:…` or `sealed`), or
 * undefined when the text is no aisle lock listing its files. Entries of any other shape
 * are left out: a file the lock does not clearly list is never aisle's to replace or remove.
 */
export function readLockFiles(text: string): Map<string, string> | undefined {
  let lock: unknown;
  try {
    // A lock is plain data: no aliases to expand.
    lock = parse(text, { maxAliasCount: 0, uniqueKeys: true });
  } catch {
    return undefined;
  }
  if (!isRecord(lock) || lock.apiVersion !== 'aisle.dev/v1' || lock.kind !== 'Lock' || !isRecord(lock.files)) return undefined;
  const files = new Map<string, string>();
  for (const [path, entry] of Object.entries(lock.files)) if (isLockedDigest(entry)) files.set(path, entry);
  return files;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
