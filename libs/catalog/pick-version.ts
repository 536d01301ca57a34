import rcompare from 'semver/functions/rcompare';
import { error, warning, type Diagnostic } from '../diagnostics/index.js';
import { resolveVersion, type VersionCandidate } from './resolve-version.js';

/** The range a bare name stands for; `latest` (as npm's dist-tag) and `*` mean the same. */
export const LATEST_RANGES: readonly string[] = ['*', 'latest'];

export interface PickedVersion<T> {
  version?: T;
  /** VERSION_UNSATISFIED (an error) when nothing matches; VERSION_DEPRECATED (a warning) when only a deprecated version does. */
  diagnostics: Diagnostic[];
}

/**
 * The version of component `name` a range picks, the one rule both front doors (CatalogIndex for
 * the CLI and composition, the GraphQL service) follow: the highest satisfying version that is not
 * deprecated, a deprecated one only when nothing else matches; prereleases only when the range
 * names one. A bare name (`*`, `latest`) picks the newest stable version that is not deprecated,
 * else, as npm's `latest` would, the newest prerelease that is not deprecated, else the newest.
 */
export function pickVersion<T extends VersionCandidate>(name: string, versions: readonly T[], range: string, path: string): PickedVersion<T> {
  const latest = LATEST_RANGES.includes(range);
  const result = resolveVersion(versions, latest ? '*' : range);
  let chosen = result.ok ? result.chosen : undefined;
  if (!chosen && latest && versions.length > 0) {
    const newest = [...versions].sort((a, b) => rcompare(a.version, b.version));
    chosen = newest.find((v) => !v.deprecated) ?? newest[0];
  }
  if (!chosen) {
    const available = [...versions].sort((a, b) => rcompare(a.version, b.version)).map((v) => v.version);
    return { diagnostics: [error('VERSION_UNSATISFIED', path, `no version of ${name} satisfies "${range}"; available: ${available.join(', ') || 'none'}`)] };
  }
  const diagnostics = chosen.deprecated ? [warning('VERSION_DEPRECATED', path, `${name}@${chosen.version} is deprecated: ${chosen.deprecated}`)] : [];
  return { version: chosen, diagnostics };
}
