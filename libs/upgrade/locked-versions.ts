import type { CatalogIndex, ComponentVersion } from '../catalog/index.js';
import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import type { Lock } from '../render/index.js';

/** Per instance, the catalog version its lock names; or why the catalog cannot stand behind the lock. */
export interface LockedVersions {
  versions: Map<string, ComponentVersion>;
  diagnostics: Diagnostic[];
}

/**
 * Finds each locked instance's exact version in the catalog and holds its digest to the
 * lock's: a component or version the catalog lacks, or a digest that differs (a lock
 * edited by hand, or a catalog that is not the one the bundle came from), names the instance.
 */
export function lockedVersions(lock: Lock, catalog: CatalogIndex): LockedVersions {
  const result: LockedVersions = { versions: new Map(), diagnostics: [] };
  for (const [name, locked] of Object.entries(lock.instances).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const versions = catalog.versions(locked.component);
    if (versions.length === 0) {
      result.diagnostics.push(
        error(
          'LOCK_MISMATCH',
          `${name}.component`,
          `the lock names component "${locked.component}", which the catalog lacks${didYouMean(locked.component, catalog.names())}`,
        ),
      );
      continue;
    }
    const version = versions.find((v) => v.version === locked.version);
    if (!version) {
      const available = versions.map((v) => v.version).join(', ');
      result.diagnostics.push(
        error('LOCK_MISMATCH', `${name}.version`, `the lock names ${locked.component}@${locked.version}, which the catalog lacks; available: ${available}`),
      );
      continue;
    }
    if (version.digest !== locked.digest) {
      result.diagnostics.push(
        error(
          'LOCK_MISMATCH',
          `${name}.digest`,
          `the lock's digest for ${locked.component}@${locked.version} is not the catalog's: the lock was edited by hand, or comes from another catalog`,
        ),
      );
      continue;
    }
    result.versions.set(name, version);
  }
  return result;
}
