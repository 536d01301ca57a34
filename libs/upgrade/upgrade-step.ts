import semver from 'semver';
import type { ComponentVersion } from '../catalog/index.js';
import type { DataNote, InputMigration } from '../manifest/index.js';

/** What moving one instance from a version to another takes. */
export type UpgradeStep =
  | { kind: 'same' }
  | { kind: 'supported'; migrations: InputMigration[]; data: DataNote[] }
  /** No in-place path: why, in a sentence. */
  | { kind: 'unsupported'; reason: string };

/**
 * The in-place step from `from` to `to`, as `to` declares it: its `upgrade.from` range
 * says which earlier versions it accepts, and which of its migrations and data notes apply.
 * A version without an `upgrade` block accepts the earlier versions of its own major, with
 * inputs as they are (the semver promise input-contract-semver holds the catalog to).
 */
export function upgradeStep(from: Pick<ComponentVersion, 'version'>, to: Pick<ComponentVersion, 'version' | 'manifest'>): UpgradeStep {
  if (semver.eq(from.version, to.version)) return { kind: 'same' };
  if (semver.lt(to.version, from.version)) return { kind: 'unsupported', reason: `${to.version} is older than ${from.version}: going back is aisle rollback` };
  const declared = to.manifest.upgrade;
  if (!declared) {
    if (semver.major(from.version) === semver.major(to.version)) return { kind: 'supported', migrations: [], data: [] };
    return { kind: 'unsupported', reason: `${to.version} declares no in-place upgrade from another major version (${from.version})` };
  }
  const applies = (range: string | undefined) => range === undefined || semver.satisfies(from.version, range, { includePrerelease: true });
  if (!applies(declared.from)) return { kind: 'unsupported', reason: `${to.version} supports an in-place upgrade only from ${declared.from}` };
  return {
    kind: 'supported',
    migrations: (declared.migrations ?? []).filter((m) => applies(m.from)),
    data: (declared.data ?? []).filter((d) => applies(d.from)),
  };
}
