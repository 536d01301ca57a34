import { createHash } from 'node:crypto';
import type { TrustStore } from './trust-store.js';

/**
 * What a verification's answer depends on in a trust store: each key's id (the SHA-256
 * of its public key) and the certifier name it is known by, from its file's name.
 * Files that hold no usable key change no answer, so they are left out.
 */
export function trustStoreDigest(trustStore: TrustStore): string {
  const keys = [...trustStore.keys.values()].map((k) => `${k.keyId}\0${k.name}`).sort();
  return `sha256:${createHash('sha256').update(keys.join('\n')).digest('hex')}`;
}
