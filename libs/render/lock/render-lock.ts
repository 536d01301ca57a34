import type { ResolvedApp } from '../../compose/index.js';
import type { Scalar } from '../../manifest/index.js';
import { toYaml } from '../to-yaml.js';
import type { BundleFile, Target } from '../renderer.js';

export const LOCK_FILE = 'aisle.lock';

/** A secret input as the lock records it: where the bundle keeps it, never its value. */
export interface LockedSecret {
  secret: true;
  ref?: string;
}

/** The parsed shape of `aisle.lock`. */
export interface Lock {
  apiVersion: 'aisle.dev/v1';
  kind: 'Lock';
  app: string;
  target: Target;
  instances: Record<string, { component: string; version: string; digest: string; image: string; inputs: Record<string, Scalar | LockedSecret> }>;
}

/**
 * Renders `aisle.lock`: the target, and per instance the exact component version, its
 * digest and the input values, secrets replaced by a reference to where the bundle keeps them.
 */
export function renderLock(app: ResolvedApp, target: Target, secretRef: (instance: string, input: string) => string | undefined): BundleFile {
  const instances: Lock['instances'] = {};
  for (const i of app.instances) {
    const secret = new Set(i.secretInputs);
    const inputs: Record<string, Scalar | LockedSecret> = {};
    for (const [name, value] of Object.entries(i.inputs)) {
      if (!secret.has(name)) {
        inputs[name] = value;
        continue;
      }
      const ref = secretRef(i.name, name);
      inputs[name] = ref === undefined ? { secret: true } : { secret: true, ref };
    }
    instances[i.name] = { component: i.component.name, version: i.component.version, digest: i.component.digest, image: i.image, inputs };
  }
  const lock: Lock = { apiVersion: 'aisle.dev/v1', kind: 'Lock', app: app.name, target, instances };
  const header = ' Written by aisle: the exact component versions this bundle was composed from. Secrets appear only as references.';
  return { path: LOCK_FILE, content: toYaml(lock, { header }) };
}
