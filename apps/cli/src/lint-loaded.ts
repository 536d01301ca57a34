import { lintKit, lintManifest, lintVersions } from '../../../libs/certify/index.js';
import type { Diagnostic } from '../../../libs/diagnostics/index.js';
import type { LoadedTarget } from './catalog-target.js';

/**
 * Runs every conformance rule over the versions (and kits) a target names; cross-version findings
 * only for those versions. With `skipDeprecated`, deprecated versions are left out of the
 * single-manifest rules: they stay published (immutable) so pinned specs still resolve,
 * and the defect they were withdrawn for is what a newer rule finds in them.
 */
export function lintLoaded(loaded: LoadedTarget, options: { skipDeprecated?: boolean } = {}): Diagnostic[] {
  const files = new Set(loaded.versions.map((v) => v.source));
  const names = [...new Set(loaded.versions.map((v) => v.name))];
  return [
    ...loaded.diagnostics,
    ...loaded.versions.filter((v) => !(options.skipDeprecated && v.deprecated)).flatMap((v) => lintManifest(v.manifest, { file: v.source })),
    ...names.flatMap((n) => lintVersions(loaded.allVersions(n))).filter((d) => d.file !== undefined && files.has(d.file)),
    ...loaded.kits.filter((k) => !(options.skipDeprecated && k.deprecated)).flatMap((k) => lintKit(k, loaded.index)),
  ];
}
