import { readComposeSecrets, renderCompose } from './compose/index.js';
import { readHelmSecrets, renderHelm } from './helm/index.js';
import { readKubernetesSecrets, renderKubernetes } from './kubernetes/index.js';
import { readOpenShiftSecrets, renderOpenShift } from './openshift/index.js';
import type { BundleFile, Renderer, SecretReader, Target } from './renderer.js';

export { TARGETS } from './renderer.js';
export type { BundleFile, Renderer, RenderOptions, SecretReader, Target } from './renderer.js';
export { renderCompose, readComposeSecrets, COMPOSE_FILE, ENV_FILE, parseDotenv } from './compose/index.js';
export { renderKubernetes, readKubernetesSecrets } from './kubernetes/index.js';
export { renderHelm, readHelmSecrets } from './helm/index.js';
export { renderOpenShift, readOpenShiftSecrets, TEMPLATE_FILE, PUBLISH_ANNOTATION } from './openshift/index.js';
export { renderLock, withLock, LOCK_FILE } from './lock/render-lock.js';
export { readLockFiles } from './lock/read-lock-files.js';
export { isAsLocked, isSecretFile, lockedDigest, SEALED } from './lock/locked-file.js';
export type { Lock, LockedSecret } from './lock/render-lock.js';

/** Every target's renderer; each returns its files sorted by path, `aisle.lock` included. */
export const RENDERERS: Record<Target, Renderer> = {
  compose: renderCompose,
  kubernetes: renderKubernetes,
  helm: renderHelm,
  openshift: renderOpenShift,
};

/** Every target's reader of the secrets an earlier bundle holds (so composing again keeps them). */
export const SECRET_READERS: Record<Target, SecretReader> = {
  compose: readComposeSecrets,
  kubernetes: readKubernetesSecrets,
  helm: readHelmSecrets,
  openshift: readOpenShiftSecrets,
};

/** Files of a bundle by path, for a SecretReader. */
export function filesByPath(files: readonly BundleFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.content]));
}

/** True when a target's renderer is available in this build (all four are now). */
export function isTargetAvailable(target: Target): boolean {
  return typeof RENDERERS[target] === 'function';
}
export { toYaml } from './to-yaml.js';
