import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * A certifier key's identity: `sha256:` and the hex SHA-256 of its public key in SPKI
 * DER form (what `openssl pkey -pubin -outform DER | sha256sum` prints). Accepts the
 * private key too; the id is always of the public half.
 */
export function keyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}
