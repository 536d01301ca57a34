import { parse } from 'yaml';
import { LOCK_FILE, type BundleFile } from '../../../libs/render/index.js';

/**
 * Files an earlier bundle in the folder wrote for instances the new bundle no longer
 * has (`db/…` in Kubernetes, `templates/db/…` in a chart), found through the earlier
 * aisle.lock. Anything else in the folder (the user's own files) is left alone.
 */
export function staleBundleFiles(previous: ReadonlyMap<string, string>, next: readonly BundleFile[]): string[] {
  const lockText = previous.get(LOCK_FILE);
  if (lockText === undefined) return [];
  let lock: unknown;
  try {
    lock = parse(lockText);
  } catch {
    return [];
  }
  const instances = (lock as { instances?: unknown })?.instances;
  if (typeof instances !== 'object' || instances === null) return [];
  const keep = new Set(next.map((f) => f.path));
  const nextInstances = new Set(next.flatMap((f) => f.path.split('/')));
  const gone = Object.keys(instances).filter((name) => !nextInstances.has(name));
  if (gone.length === 0) return [];
  return [...previous.keys()].filter((path) => {
    if (keep.has(path)) return false;
    const [first, second] = path.split('/');
    return gone.some((name) => first === name || (first === 'templates' && second === name));
  });
}
