import type { CertificationVerifier } from '../../../libs/catalog/index.js';

/**
 * How the CLI checks certification records when it loads a catalog. Until the
 * certify library exists, every version loads as uncertified.
 */
export function catalogVerifier(_env: Record<string, string | undefined>): CertificationVerifier | undefined {
  return undefined;
}
