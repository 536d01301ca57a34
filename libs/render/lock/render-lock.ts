import type { ResolvedApp } from '../../composition/index.js';
import type { Scalar } from '../../manifest/index.js';
import { toYaml } from '../to-yaml.js';
import type { BundleFile, Target } from '../renderer.js';
import { isSecretFile, lockedDigest } from './locked-file.js';
import { sealSecretFile } from './seal-secret-file.js';

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
  /** Every other file of the bundle by path, sorted: `sha256:…`, or `sealed` for one holding secrets. */
  files: Record<string, string>;
}

const HEADER = ' Written by aisle: the exact component versions this bundle was composed from. Secrets appear only as references.';
// A digest of a file holding secrets would let anyone with this (shareable) lock test guesses: those carry their own.
const FILES_NOTE =
  ' The files aisle wrote: composing again replaces or removes only these, only while unchanged. "sealed": it holds secrets and its own sha256.';

/**
 * Finishes a bundle: seals the files that hold secrets, adds `aisle.lock` listing every
 * file, and sorts by path. Each renderer ends with it, so every target's lock says the same.
 */
export function withLock(
  app: ResolvedApp,
  target: Target,
  secretRef: (instance: string, input: string) => string | undefined,
  files: readonly BundleFile[],
): BundleFile[] {
  const sealed = files.map((f) => (isSecretFile(f) ? { ...f, content: sealSecretFile(f.content) } : f));
  return [...sealed, renderLock(app, target, secretRef, sealed)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Renders `aisle.lock`: the target; per instance the exact component version, its digest
 * and the input values, secrets replaced by a reference to where the bundle keeps them;
 * and the bundle's other files (already sealed) with their digests.
 */
export function renderLock(
  app: ResolvedApp,
  target: Target,
  secretRef: (instance: string, input: string) => string | undefined,
  files: readonly BundleFile[],
): BundleFile {
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
  const listed: Record<string, string> = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) if (f.path !== LOCK_FILE) listed[f.path] = lockedDigest(f);
  const { files: _files, ...head }: Lock = { apiVersion: 'aisle.dev/v1', kind: 'Lock', app: app.name, target, instances, files: listed };
  // Two top-level mappings written one after the other are one mapping; toYaml's comment hook would cost a path per key.
  return { path: LOCK_FILE, content: `${toYaml(head, { header: HEADER })}#${FILES_NOTE}\n${toYaml({ files: listed })}` };
}
