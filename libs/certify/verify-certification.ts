import { verify } from 'node:crypto';
import type { CertificationStatus } from '../catalog/index.js';
import { parseCertificationRecord } from './certification-record.js';
import { signedPayload } from './sign-certification.js';
import type { TrustStore } from './trust-store.js';

const uncertified = (reason: string): CertificationStatus => ({ level: 'uncertified', verified: false, reason, code: 'CERTIFICATION_INVALID' });

/**
 * Checks a certification record against the version it sits beside and the trust
 * store: shape, component and version, a trusted key, the signature, then the
 * manifest's current digest. Every failure is an uncertified status with a reason.
 */
export function verifyCertification(
  recordText: string,
  version: { name: string; version: string; digest: string },
  trustStore: TrustStore,
): CertificationStatus {
  const { record, reason } = parseCertificationRecord(recordText);
  if (!record) return uncertified(reason!);
  if (record.component !== version.name || record.version !== version.version) {
    return uncertified(`the record certifies ${record.component}@${record.version}, not ${version.name}@${version.version}`);
  }
  const key = trustStore.keys.get(record.keyId);
  if (!key) return uncertified(`signed by key ${record.keyId}, which is not in the trust store`);
  const { signature, ...unsigned } = record;
  let valid: boolean;
  try {
    valid = verify(null, signedPayload(unsigned), key.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return uncertified(`the signature does not verify with key ${key.name} (${record.keyId}); the record was altered or signed by another key`);
  if (record.digest !== version.digest) {
    return uncertified(`the manifest changed after certification: its digest is ${version.digest}, the record certifies ${record.digest}`);
  }
  return { level: record.level, verified: true, certifier: key.name, issuedAt: record.issuedAt, checks: record.checks };
}
