import { resolve } from 'node:path';
import type { CertificationVerifier } from '../../../libs/catalog/index.js';
import { createCatalogVerifier, defaultTrustDir, loadTrustStore, type TrustStore } from '../../../libs/certify/index.js';

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
