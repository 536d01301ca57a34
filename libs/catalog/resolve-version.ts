import gt from 'semver/functions/gt';
import rcompare from 'semver/functions/rcompare';
import satisfies from 'semver/functions/satisfies';

export interface VersionCandidate {
  version: string;
  deprecated?: string;
}

export type VersionResolution<T extends VersionCandidate> =
  | { ok: true; chosen: T; deprecatedOnly: boolean }
  | { ok: false; available: string[] };

/**
 * The highest version satisfying `range` that is not deprecated; a deprecated one only
 * when nothing else matches (as npm does). Prereleases only when the range names one.
 */
export function resolveVersion<T extends VersionCandidate>(candidates: readonly T[], range: string): VersionResolution<T> {
  const matching = candidates.filter((c) => satisfies(c.version, range));
  const best = (list: T[]) => list.reduce<T | undefined>((top, c) => (!top || gt(c.version, top.version) ? c : top), undefined);
  const live = best(matching.filter((c) => !c.deprecated));
  if (live) return { ok: true, chosen: live, deprecatedOnly: false };
  const deprecated = best(matching);
  if (deprecated) return { ok: true, chosen: deprecated, deprecatedOnly: true };
  return { ok: false, available: [...candidates].sort((a, b) => rcompare(a.version, b.version)).map((c) => c.version) };
}
