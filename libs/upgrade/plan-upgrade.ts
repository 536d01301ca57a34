import semver from 'semver';
import { parse } from 'yaml';
import { LATEST_RANGES, pickVersion, type CatalogIndex } from '../catalog/index.js';
import { composeApp } from '../composition/index.js';
import { error, warning, type Diagnostic } from '../diagnostics/index.js';
import type { AppSpec } from '../manifest/index.js';
import { LOCK_FILE, RENDERERS, SECRET_READERS, type BundleFile, type Lock, type Target } from '../render/index.js';
import { fileChanges, type FileChange } from './file-changes.js';
import { earlierValues, lockAppSpec } from './lock-app-spec.js';
import { lockedVersions } from './locked-versions.js';
import { migrateInputs } from './migrate-inputs.js';
import { specRange } from './plan-outdated.js';
import { upgradeStep } from './upgrade-step.js';

/** What a caller asks an upgrade plan for. */
export interface UpgradeRequest {
  lock: Lock;
  /** The lock's own text: a spec rebuilt from the lock must render it back byte for byte. */
  lockText: string;
  catalog: CatalogIndex;
  /** The bundle's files as they are (path → text): the secrets they hold are carried over, and the diff is against them. */
  files?: ReadonlyMap<string, string>;
  /** The app spec the bundle was composed from; without it the lock must be enough to reproduce the bundle. */
  spec?: AppSpec;
  /** Only this instance moves. */
  instance?: string;
  /** Move to the highest version in this range (else: the highest within the spec's range). */
  to?: string;
  /** The user did the work the data notes ask for. */
  acceptDataStep?: boolean;
  /** Lose values the new versions have no place for. */
  force?: boolean;
}

/** One instance that moves. */
export interface InstanceUpgrade {
  instance: string;
  component: string;
  from: string;
  to: string;
  /** Input migrations applied, as sentences. */
  migrations: string[];
  /** Data notes: work on the data this move needs. */
  data: string[];
}

/** The plan: who moves where, the new bundle, and what changes in it. */
export interface UpgradePlan {
  app: string;
  target: Target;
  instances: InstanceUpgrade[];
  /** The complete new bundle, `aisle.lock` included. */
  files: BundleFile[];
  /** Against the files given (none without them). */
  changes: FileChange[];
  /** New component references for the app spec, only when `to` asked for them. */
  ranges: Record<string, string>;
  /** The exact spec the new bundle was composed from. */
  spec: AppSpec;
}

/**
 * Plans moving a bundle to newer component versions: per instance the target version (in
 * `to`, else the highest in the spec's range), whether the move is supported in place, the
 * input migrations and data notes; then the whole new bundle, rendered with the secrets the
 * old one holds. Pure: the caller writes. Refusals are diagnostics; the plan is still given
 * when it could be computed, so a refusal shows what it refuses.
 */
export function planUpgrade(request: UpgradeRequest): { plan?: UpgradePlan; diagnostics: Diagnostic[]; warnings: Diagnostic[] } {
  const { lock, catalog } = request;
  const target = lock.target;
  const { versions, diagnostics } = lockedVersions(lock, catalog);
  const warnings: Diagnostic[] = [];
  if (diagnostics.length > 0) return { diagnostics, warnings };
  if (request.instance !== undefined && !versions.has(request.instance))
    return {
      diagnostics: [error('USAGE', 'instance', `the bundle has no instance "${request.instance}"; it has ${[...versions.keys()].join(', ')}`)],
      warnings,
    };
  if (request.to !== undefined && semver.validRange(request.to) === null && !LATEST_RANGES.includes(request.to))
    return { diagnostics: [error('USAGE', 'to', `"${request.to}" is not a semver range (try ^16, 16.x, 16.4.0 or latest)`)], warnings };
  const secrets = request.files ? SECRET_READERS[target](request.files) : {};
  let base = request.spec;
  let publishExposed = false;
  if (base) diagnostics.push(...specMatchesLock(base, lock));
  else {
    base = lockAppSpec(lock, versions, secrets);
    const reproduced = [false, true].find((exposed) => rendersLock(base!, catalog, target, secrets, exposed, chartVersion(request.files)) === request.lockText);
    if (reproduced === undefined)
      diagnostics.push(
        error(
          'UPGRADE_NEEDS_APP',
          LOCK_FILE,
          'the lock alone does not reproduce this bundle (it was composed from an app spec with wiring, extra env, published ports or replicas): give the app spec too',
        ),
      );
    publishExposed = reproduced === true;
  }
  if (diagnostics.length > 0) return { diagnostics, warnings };

  const instances: InstanceUpgrade[] = [];
  const ranges: Record<string, string> = {};
  const carried: Record<string, Record<string, string>> = structuredClone(secrets);
  const spec: AppSpec = { ...base, instances: {} };
  for (const [name, current] of versions) {
    const given = base.instances[name]!;
    let next = current;
    if (request.instance === undefined || request.instance === name) {
      const range = request.to ?? specRange(request.spec, name) ?? `^${current.version}`;
      const picked = pickVersion(current.name, catalog.versions(current.name), range, `${name}.component`);
      if (!picked.version) diagnostics.push(...picked.diagnostics);
      else if (request.to !== undefined || semver.gt(picked.version.version, current.version)) next = picked.version;
      if (request.to !== undefined && picked.version) ranges[name] = `${current.name}@${request.to}`;
    }
    const step = upgradeStep(current, next);
    if (step.kind === 'unsupported') {
      diagnostics.push(
        error('UPGRADE_UNSUPPORTED', `${name}.component`, `${name} cannot move from ${current.name}@${current.version} in place: ${step.reason}`),
      );
      continue;
    }
    if (step.kind === 'same') {
      // An app spec may still name inputs as the version before this one did (an earlier upgrade migrated the
      // bundle, not the user's file): the version's own migrations bring them over, as they did then.
      const inputs = request.spec
        ? migrateInputs(
            given.inputs ?? {},
            earlierValues(lock, name, secrets),
            current.manifest.upgrade?.migrations ?? [],
            current.manifest.spec.inputs.properties,
          )
        : undefined;
      if (inputs)
        for (const lost of inputs.lost)
          diagnostics.push(
            error(
              'UPGRADE_VALUE_LOST',
              `${name}.inputs.${lost.input}`,
              `the app spec sets ${lost.input}, which ${current.name}@${current.version} has no place for: ${lost.reason}`,
            ),
          );
      spec.instances[name] = { ...given, component: `${current.name}@${current.version}`, ...(inputs ? { inputs: inputs.inputs } : {}) };
      continue;
    }
    const migrated = migrateInputs(given.inputs ?? {}, earlierValues(lock, name, secrets), step.migrations, next.manifest.spec.inputs.properties);
    for (const m of step.migrations)
      if ('rename' in m && carried[name]?.[m.rename.input] !== undefined) carried[name][m.rename.to] ??= carried[name][m.rename.input]!;
    for (const p of migrated.problems) diagnostics.push(error('UPGRADE_INVALID', `${name}.inputs.${p.input}`, p.message));
    for (const lost of migrated.lost) {
      const message = `the value set for ${lost.input} would be lost moving to ${next.name}@${next.version}: ${lost.reason}`;
      (request.force ? warnings : diagnostics).push((request.force ? warning : error)('UPGRADE_VALUE_LOST', `${name}.inputs.${lost.input}`, message));
    }
    const data = step.data.map((d) => d.note);
    if (data.length > 0 && request.acceptDataStep !== true)
      diagnostics.push(
        error(
          'UPGRADE_DATA_STEP',
          `${name}.component`,
          `moving ${name} from ${current.version} to ${next.version} needs work on the data first: ${data.join(' ')}`,
        ),
      );
    instances.push({ instance: name, component: current.name, from: current.version, to: next.version, migrations: migrated.applied, data });
    spec.instances[name] = { ...given, component: `${next.name}@${next.version}`, inputs: migrated.inputs };
  }
  const composed = composeApp(spec, catalog, { previousSecrets: carried, publishExposed });
  warnings.push(...composed.warnings.filter((w) => w.code !== 'VERSION_DEPRECATED' || instances.some((i) => w.path.startsWith(`${i.instance}.`))));
  diagnostics.push(...composed.diagnostics);
  if (!composed.app) return { diagnostics, warnings };
  const before = new Map([...(request.files ?? []), [LOCK_FILE, request.lockText]]);
  const installed = { chartVersion: chartVersion(request.files) };
  let files = RENDERERS[target](composed.app, installed);
  let changes = request.files ? fileChanges(before, lock.files, files) : [];
  // `helm upgrade` of the release: a chart that changes gets a higher version than the one installed.
  if (target === 'helm' && installed.chartVersion !== undefined && changes.length > 0) {
    files = RENDERERS[target](composed.app, { chartVersion: semver.inc(installed.chartVersion, 'patch')! });
    changes = fileChanges(before, lock.files, files);
  }
  return { plan: { app: lock.app, target, instances, files, changes, ranges, spec }, diagnostics, warnings };
}

const CHART_FILE = 'Chart.yaml';

/** The chart version a Helm bundle's Chart.yaml holds, or undefined without one. */
function chartVersion(files: ReadonlyMap<string, string> | undefined): string | undefined {
  const chart = files?.get(CHART_FILE);
  if (chart === undefined) return undefined;
  let version: unknown;
  try {
    version = (parse(chart, { maxAliasCount: 0 }) as { version?: unknown } | null)?.version;
  } catch {
    return undefined;
  }
  return typeof version === 'string' && semver.valid(version) ? version : undefined;
}

/** The lock a spec renders to, or undefined when it does not compose. */
function rendersLock(
  spec: AppSpec,
  catalog: CatalogIndex,
  target: Target,
  secrets: Record<string, Record<string, string>>,
  publishExposed: boolean,
  installedChart: string | undefined,
): string | undefined {
  const composed = composeApp(spec, catalog, { previousSecrets: secrets, publishExposed });
  if (!composed.app) return undefined;
  return RENDERERS[target](composed.app, { chartVersion: installedChart }).find((f) => f.path === LOCK_FILE)?.content;
}

/** An app spec must name the lock's instances and components, or it is not this bundle's. */
function specMatchesLock(spec: AppSpec, lock: Lock): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of Object.keys(spec.instances).sort())
    if (!Object.hasOwn(lock.instances, name))
      out.push(error('LOCK_MISMATCH', name, `the app spec has instance ${name}, which the bundle lacks: compose the spec first, then upgrade`));
  for (const [name, locked] of Object.entries(lock.instances)) {
    const reference = spec.instances[name]?.component;
    if (reference === undefined)
      out.push(error('LOCK_MISMATCH', name, `the bundle has instance ${name}, which the app spec lacks: compose the spec first, then upgrade`));
    else if (reference.split('@')[0] !== locked.component)
      out.push(
        error(
          'LOCK_MISMATCH',
          `${name}.component`,
          `the app spec makes ${name} a ${reference.split('@')[0]}, the bundle a ${locked.component}: compose the spec first`,
        ),
      );
  }
  return out;
}
