import type { ComponentVersion } from '../catalog/index.js';
import type { AppSpec, Scalar } from '../manifest/index.js';
import type { Lock } from '../render/index.js';

/**
 * The app spec a lock stands for, each instance pinned to its locked version: the values
 * it records, less those equal to the component's default (so a newer version's default
 * applies), and the secrets the bundle holds that the component does not generate.
 * Wiring, extra env, published ports and replicas are not in a lock: `reproducesLock` tells.
 */
export function lockAppSpec(lock: Lock, versions: ReadonlyMap<string, ComponentVersion>, secrets: Readonly<Record<string, Record<string, string>>>): AppSpec {
  const instances: AppSpec['instances'] = {};
  for (const [name, version] of versions) {
    const properties = version.manifest.spec.inputs.properties;
    const inputs: Record<string, Scalar> = {};
    for (const [input, value] of Object.entries(lock.instances[name]!.inputs)) {
      const property = properties[input];
      if (typeof value === 'object') {
        const kept = secrets[name]?.[input];
        if (kept !== undefined && property?.['x-aisle-generate'] === undefined) inputs[input] = kept;
      } else if (property?.default !== value) inputs[input] = value;
    }
    instances[name] = { component: `${version.name}@${version.version}`, ...(Object.keys(inputs).length > 0 ? { inputs } : {}) };
  }
  return { apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: lock.app }, instances };
}

/** Every value an instance ran with, as the lock and the bundle's secrets tell (for migration templates). */
export function earlierValues(lock: Lock, instance: string, secrets: Readonly<Record<string, Record<string, string>>>): Record<string, Scalar> {
  const values: Record<string, Scalar> = {};
  for (const [input, value] of Object.entries(lock.instances[instance]?.inputs ?? {})) {
    if (typeof value !== 'object') values[input] = value;
    else if (secrets[instance]?.[input] !== undefined) values[input] = secrets[instance][input];
  }
  return values;
}
