import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/index.js';
import { keyId } from './key-id.js';

/** A public key a certification may be signed with. */
export interface TrustedKey {
  keyId: string;
  /** The file name without `.pem` (e.g. `library-certifier.pub`→`library-certifier`): the certifier's name. */
  name: string;
  publicKey: KeyObject;
}

/** The keys whose certifications are accepted, by key id. */
export interface TrustStore {
  dir: string;
  keys: ReadonlyMap<string, TrustedKey>;
  /** Files that could not be read as Ed25519 public keys, and a missing folder. */
  diagnostics: Diagnostic[];
}

/** A trust store from a list of keys, e.g. throwaway keys in tests or keys held in a database. */
export function createTrustStore(publicKeys: ReadonlyArray<{ name: string; publicKey: KeyObject }>, dir = ''): TrustStore {
  const keys = new Map<string, TrustedKey>();
  for (const k of publicKeys) keys.set(keyId(k.publicKey), { keyId: keyId(k.publicKey), name: k.name, publicKey: k.publicKey });
  return { dir, keys, diagnostics: [] };
}

/**
 * Reads every `*.pem` file in a folder as an Ed25519 public key (SPKI PEM). A file that
 * is not one is reported and skipped; a missing folder gives an empty store.
 */
export function loadTrustStore(dir: string): TrustStore {
  const keys = new Map<string, TrustedKey>();
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    diagnostics.push(warning('FILE_UNREADABLE', dir, `trust store folder ${dir} does not exist; no certification will verify`, { file: dir }));
    return { dir, keys, diagnostics };
  }
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.pem'))
    .sort()) {
    const path = join(dir, file);
    try {
      const publicKey = createPublicKey(readFileSync(path, 'utf8'));
      if (publicKey.asymmetricKeyType !== 'ed25519') {
        diagnostics.push(
          error('CERTIFICATION_INVALID', path, `is a ${publicKey.asymmetricKeyType} key; the trust store holds Ed25519 public keys`, { file: path }),
        );
        continue;
      }
      const id = keyId(publicKey);
      keys.set(id, { keyId: id, name: file.replace(/(\.pub)?\.pem$/, ''), publicKey });
    } catch {
      // Never echo the file's content: someone may have dropped a private key here by mistake.
      diagnostics.push(error('CERTIFICATION_INVALID', path, 'is not a PEM public key', { file: path }));
    }
  }
  return { dir, keys, diagnostics };
}
