import { UNCERTIFIED, type CertificationVerifier } from '../catalog/index.js';
import type { TrustStore } from './trust-store.js';
import { trustStoreDigest } from './trust-store-digest.js';
import { verifyCertification } from './verify-certification.js';

/**
 * The verifier the catalog loader calls for each version: no record means uncertified, a
 * record is checked. Its answers depend on the record, the version and the trust store's
 * keys only, so the loader may cache them under the trust store's digest.
 */
export function createCatalogVerifier(trustStore: TrustStore): CertificationVerifier {
  const verify = (version: { name: string; version: string; digest: string }, recordText: string | undefined) =>
    recordText === undefined ? UNCERTIFIED : verifyCertification(recordText, version, trustStore);
  return Object.assign(verify, { cacheKey: trustStoreDigest(trustStore) });
}
