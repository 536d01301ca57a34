import { resolve } from 'node:path';
import type { CertificationVerifier } from '../../../libs/catalog/index.js';
// From their own files, not libs/certify/index.js: every catalog command loads these, and the index would also load
// the lint rules (some 50 modules more), which only lint and certify use.
import { createCatalogVerifier } from '../../../libs/certify/create-catalog-verifier.js';
import { defaultTrustDir } from '../../../libs/certify/default-trust-dir.js';
import { loadTrustStore, type TrustStore } from '../../../libs/certify/trust-store.js';

/** The trust store the CLI uses: `$AISLE_TRUST_DIR` when set (tests, other certifiers), else the project's `trust/`. */
export function cliTrustStore(env: Record<string, string | undefined>, cwd: string = process.cwd(), option?: string): TrustStore {
  const dir = option ?? env.AISLE_TRUST_DIR;
  return loadTrustStore(dir ? resolve(cwd, dir) : defaultTrustDir());
}

/**
 * How the CLI checks certification records when it loads a catalog: against the
 * project trust store (or `$AISLE_TRUST_DIR`), so an edited manifest, a bad signature
 * or an unknown key loads as uncertified with a reason.
 */
export function catalogVerifier(env: Record<string, string | undefined>, cwd?: string): CertificationVerifier | undefined {
  return createCatalogVerifier(cliTrustStore(env, cwd));
}
