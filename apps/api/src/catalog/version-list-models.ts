import { pickVersion } from '../../../../libs/catalog/index.js';
import type { ComponentVersionModel } from './models/component-version.model.js';
import type { StoredVersion } from './stored-component.js';
import { toVersionModel } from './to-graphql-model.js';

interface ListModels {
  latest?: ComponentVersionModel;
  all?: ComponentVersionModel[];
}

// A component's version list is one object per catalog generation (VersionCache), shared by every request: what is
// derived from it is worked out once, and dropped with it.
const derived = new WeakMap<readonly StoredVersion[], ListModels>();

/** The model of the version a bare name picks from a component's versions (pickVersion's `latest`), or undefined when it has none. */
export function latestVersionModel(name: string, versions: readonly StoredVersion[]): ComponentVersionModel | undefined {
  const models = modelsOf(versions);
  if (models.latest === undefined) {
    const picked = pickVersion(name, versions, 'latest', 'latest').version;
    if (picked) models.latest = toVersionModel(picked);
  }
  return models.latest;
}

/** The models of every version, in the list's order (newest first). */
export function versionModels(versions: readonly StoredVersion[]): ComponentVersionModel[] {
  const models = modelsOf(versions);
  return (models.all ??= versions.map(toVersionModel));
}

function modelsOf(versions: readonly StoredVersion[]): ListModels {
  let models = derived.get(versions);
  if (!models) derived.set(versions, (models = {}));
  return models;
}
