import { UNCERTIFIED, type CertificationVerifier } from '../catalog/index.js';
import type { TrustStore } from './trust-store.js';
import { verifyCertification } from './verify-certification.js';

/** The verifier the catalog loader calls for each version: no record means uncertified, a record is checked. */
export function createCatalogVerifier(trustStore: TrustStore): CertificationVerifier {
  return (version, recordText) => (recordText === undefined ? UNCERTIFIED : verifyCertification(recordText, version, trustStore));
}
