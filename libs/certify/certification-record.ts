import { shownValue } from '../diagnostics/index.js';
/** The only level a record can grant today; kept a field so later levels need no new format. */
export const CERTIFICATION_LEVELS = ['certified'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];

/**
 * A signed statement that one component version (by manifest digest) passed the named
 * conformance checks and was accepted by the holder of the key `keyId`. Stored as
 * `certification.json` beside the manifest.
 */
export interface CertificationRecord {
  component: string;
  version: string;
  /** `sha256:` of the manifest's canonical JSON. */
  digest: string;
  level: CertificationLevel;
  /** `sha256:` of the certifier's public key (SPKI DER), hex. */
  keyId: string;
  /** ISO 8601 UTC time of signing. */
  issuedAt: string;
  /** Names of the lint rules the version passed. */
  checks: string[];
  /** Ed25519 signature, base64, over the canonical JSON of every other field. */
  signature: string;
}

export type UnsignedCertificationRecord = Omit<CertificationRecord, 'signature'>;

const FIELDS = ['component', 'version', 'digest', 'level', 'keyId', 'issuedAt', 'checks', 'signature'] as const;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses a record's JSON text and checks its shape; anything malformed, truncated or
 * carrying unknown fields comes back as a reason rather than an exception.
 */
export function parseCertificationRecord(text: string): { record?: CertificationRecord; reason?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'the certification record is not valid JSON (truncated or corrupted)' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { reason: 'the certification record is not a JSON object' };
  const r = value as Record<string, unknown>;
  const unknown = Object.keys(r).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) return { reason: `the certification record has unknown field(s): ${unknown.join(', ')}` };
  const missing = FIELDS.filter((k) => r[k] === undefined);
  if (missing.length > 0) return { reason: `the certification record lacks ${missing.join(', ')}` };
  for (const k of FIELDS) {
    if (k !== 'checks' && typeof r[k] !== 'string') return { reason: `the certification record's ${k} is not a string` };
  }
  if (!Array.isArray(r.checks) || !r.checks.every((c) => typeof c === 'string'))
    return { reason: "the certification record's checks is not a list of rule names" };
  if (!(CERTIFICATION_LEVELS as readonly unknown[]).includes(r.level))
    return { reason: `the certification record's level "${shownValue(r.level)}" is not one of: ${CERTIFICATION_LEVELS.join(', ')}` };
  if (!DIGEST.test(r.digest as string)) return { reason: "the certification record's digest is not a sha256: digest" };
  if (!DIGEST.test(r.keyId as string)) return { reason: "the certification record's keyId is not a sha256: key id" };
  if (!ISO_TIME.test(r.issuedAt as string) || Number.isNaN(Date.parse(r.issuedAt as string)))
    return { reason: "the certification record's issuedAt is not an ISO 8601 UTC time" };
  if (!BASE64.test(r.signature as string)) return { reason: "the certification record's signature is not base64" };
  return { record: r as unknown as CertificationRecord };
}

/** The record as written to disk: pretty JSON with the fields in their documented order, and a final newline. */
export function serializeCertification(record: CertificationRecord): string {
  const ordered = Object.fromEntries(FIELDS.map((k) => [k, record[k]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
