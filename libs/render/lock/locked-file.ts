import { createHash } from 'node:crypto';
import type { BundleFile } from '../renderer.js';
import { isSealIntact } from './seal-secret-file.js';

/** What aisle.lock says of a file that holds secrets: its digest is its own last line. */
export const SEALED = 'sealed';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** A file's entry in aisle.lock: `sha256:…` of its bytes, or `sealed` for a file holding secrets (mode 0600). */
export function lockedDigest(file: BundleFile): string {
  return isSecretFile(file) ? SEALED : `sha256:${createHash('sha256').update(file.content, 'utf8').digest('hex')}`;
}

/** True for a file that carries secrets: it is written private, and sealed rather than digested in the lock. */
export function isSecretFile(file: BundleFile): boolean {
  return file.mode !== undefined && (file.mode & 0o077) === 0;
}

/** True when an entry of aisle.lock is one aisle writes (a sha256 or `sealed`). */
export function isLockedDigest(entry: unknown): entry is string {
  return entry === SEALED || (typeof entry === 'string' && DIGEST.test(entry));
}

/** True when bytes on disk are still exactly what the lock entry says aisle wrote. */
export function isAsLocked(entry: string, bytes: Uint8Array): boolean {
  if (entry === SEALED) return isSealIntact(bytes);
  return entry === `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
