import { sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../manifest/index.js';
import type { CertificationLevel, CertificationRecord, UnsignedCertificationRecord } from './certification-record.js';
import { keyId } from './key-id.js';

export interface SignCertificationInput {
  component: string;
  version: string;
  digest: string;
  checks: readonly string[];
  /** An Ed25519 private key. */
  privateKey: KeyObject;
  level?: CertificationLevel;
  /** Defaults to now. */
  issuedAt?: Date;
}

/** The bytes a signature covers: the canonical JSON (RFC 8785) of the record without its signature. */
export function signedPayload(record: UnsignedCertificationRecord): Buffer {
  return Buffer.from(canonicalJson(record), 'utf8');
}

/** Signs a certification record for one component version with an Ed25519 key. */
export function signCertification(input: SignCertificationInput): CertificationRecord {
  if (input.privateKey.type !== 'private' || input.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('a certification is signed with an Ed25519 private key');
  }
  const unsigned: UnsignedCertificationRecord = {
    component: input.component,
    version: input.version,
    digest: input.digest,
    level: input.level ?? 'certified',
    keyId: keyId(input.privateKey),
    issuedAt: (input.issuedAt ?? new Date()).toISOString(),
    checks: [...input.checks],
  };
  const signature = sign(null, signedPayload(unsigned), input.privateKey).toString('base64');
  return { ...unsigned, signature };
}
