import { join } from 'node:path';
import { findProjectRoot } from '../catalog/index.js';

/** The project's default trust store: `trust/` at the project root, holding the library certifier's public key. */
export function defaultTrustDir(): string {
  return join(findProjectRoot(), 'trust');
}
