import type { ComponentManifest } from '../manifest/index.js';

/** What loading found out about a version's certification record. */
export interface CertificationStatus {
  level: 'certified' | 'uncertified';
  /** True only when a record exists, its signature checks against a trusted key, and its digest matches. */
  verified: boolean;
  certifier?: string;
  issuedAt?: string;
  checks?: string[];
  /** Why a version is uncertified, in plain words. */
  reason?: string;
  /** Why a version is uncertified, as a code: no record at all, or a record that does not verify. */
  code?: 'CERTIFICATION_MISSING' | 'CERTIFICATION_INVALID';
}

/** One loaded, validated component version: the unit the catalog indexes. */
export interface ComponentVersion {
  name: string;
  version: string;
  digest: string;
  manifest: ComponentManifest;
  /** Where it came from (a file path or a database id), for diagnostics. */
  source: string;
  /** A reason when deprecated; deprecated versions are only chosen when nothing else matches. */
  deprecated?: string;
  certification: CertificationStatus;
}

export const UNCERTIFIED: CertificationStatus = { level: 'uncertified', verified: false, reason: 'no certification record', code: 'CERTIFICATION_MISSING' };
