import type { CatalogIndex } from '../catalog/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { lintManifest } from './lint-manifest.js';
import { lintVersions } from './lint-versions.js';

/**
 * Lints every live version in a catalog index, then each component's versions against
 * each other. Deprecated versions are withdrawn and immutable: only the cross-version rules see them.
 */
export function lintCatalog(index: CatalogIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const name of index.names()) {
    const versions = [...index.versions(name)].reverse();
    for (const v of versions) if (!v.deprecated) diagnostics.push(...lintManifest(v.manifest, { file: v.source }));
    diagnostics.push(...lintVersions(versions));
  }
  return diagnostics;
}
