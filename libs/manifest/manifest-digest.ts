import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { ComponentManifest } from './manifest.js';
import type { KitManifest } from './kit.js';

/** A component or kit version's identity: `sha256:` of the manifest's canonical JSON. */
export function manifestDigest(manifest: ComponentManifest | KitManifest): string {
  return `sha256:${createHash('sha256').update(canonicalJson(manifest), 'utf8').digest('hex')}`;
}
