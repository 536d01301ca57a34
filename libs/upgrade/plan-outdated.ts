import semver from 'semver';
import { parseComponentRef, pickVersion, type CatalogIndex, type ComponentVersion } from '../catalog/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { AppSpec } from '../manifest/index.js';
import type { Lock } from '../render/index.js';
import { lockedVersions } from './locked-versions.js';
import { upgradeStep } from './upgrade-step.js';

/** What moving an instance to a version takes: nothing special, input migrations, work on the data, or no in-place path. */
export type MoveKind = 'none' | 'migration' | 'data' | 'unsupported';

/** One instance of a bundle against the catalog, as `npm outdated` shows a package. */
export interface OutdatedInstance {
  instance: string;
  component: string;
  current: string;
  /** The highest version within the app spec's range (without a spec: within the current major). */
  wanted: string;
  /** The version a bare name picks: the newest that is not deprecated. */
  latest: string;
  /** The range `wanted` was picked with. */
  range: string;
  outdated: boolean;
  /** What moving to `wanted` takes, and what moving to `latest` takes. */
  toWanted: MoveKind;
  toLatest: MoveKind;
  /** Why `toLatest` is unsupported, or the data note, when there is one. */
  note?: string;
}

/**
 * Compares each instance of a lock with the catalog: current, wanted (the highest version
 * within the spec's range, `^current` without a spec), latest, and what moving takes.
 * Nothing is outdated when the lock names what the catalog lacks: the diagnostics say what.
 */
export function planOutdated(lock: Lock, catalog: CatalogIndex, spec?: AppSpec): { instances: OutdatedInstance[]; diagnostics: Diagnostic[] } {
  const { versions, diagnostics } = lockedVersions(lock, catalog);
  const instances: OutdatedInstance[] = [];
  for (const [name, current] of versions) {
    const range = specRange(spec, name) ?? `^${current.version}`;
    const all = catalog.versions(current.name);
    const wanted = newest(current, pickVersion(current.name, all, range, name).version);
    const latest = newest(current, catalog.latest(current.name));
    const latestStep = moveKind(current, latest);
    instances.push({
      instance: name,
      component: current.name,
      current: current.version,
      wanted: wanted.version,
      latest: latest.version,
      range,
      outdated: wanted.version !== current.version || latest.version !== current.version,
      toWanted: moveKind(current, wanted).kind,
      toLatest: latestStep.kind,
      ...(latestStep.note ? { note: latestStep.note } : {}),
    });
  }
  return { instances, diagnostics };
}

/** The range an app spec gives an instance (`*` for a bare name), or undefined without one. */
export function specRange(spec: AppSpec | undefined, instance: string): string | undefined {
  const reference = spec?.instances[instance]?.component;
  if (reference === undefined) return undefined;
  return parseComponentRef(reference, instance).ref?.range ?? '*';
}

/** What moving from one version to another takes, and the note that goes with it. */
export function moveKind(from: ComponentVersion, to: ComponentVersion): { kind: MoveKind; note?: string } {
  const step = upgradeStep(from, to);
  if (step.kind === 'same') return { kind: 'none' };
  if (step.kind === 'unsupported') return { kind: 'unsupported', note: step.reason };
  if (step.data.length > 0) return { kind: 'data', note: step.data.map((d) => d.note).join(' ') };
  return { kind: step.migrations.length > 0 ? 'migration' : 'none' };
}

// Never "wanted" or "latest" below what runs: a bundle ahead of its range stays where it is.
function newest(current: ComponentVersion, candidate: ComponentVersion | undefined): ComponentVersion {
  return candidate && semver.gt(candidate.version, current.version) ? candidate : current;
}
