import type { ComponentManifest } from '../../manifest/index.js';
import { asRecord } from '../shape-guards.js';

/**
 * The manifest's image repository in its full form (`docker.io/library/mysql`), so a
 * rule's table of known images matches `mysql`, `library/mysql` and the full name alike;
 * undefined for images chosen by an input.
 */
export function imageRepository(manifest: ComponentManifest): string | undefined {
  const repository = asRecord(asRecord(manifest.spec)?.image)?.repository;
  if (typeof repository !== 'string') return undefined;
  const parts = repository.toLowerCase().split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  const path = hasRegistry ? parts.slice(1) : parts;
  const registry = hasRegistry ? parts[0]! : 'docker.io';
  return [registry, ...(registry === 'docker.io' && path.length === 1 ? ['library'] : []), ...path].join('/');
}
