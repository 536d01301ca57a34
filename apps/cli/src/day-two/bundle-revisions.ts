import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE, type BundleFile } from '../../../../libs/render/index.js';
import { parseLock } from '../../../../libs/upgrade/index.js';

/** The bundle's bookkeeping folder: kept out of kustomization.yaml and the Helm chart (.helmignore). */
export const AISLE_DIR = '.aisle';
export const REVISIONS_DIR = `${AISLE_DIR}/revisions`;

/** What a revision records of itself beside its files. */
export interface RevisionMeta {
  revision: number;
  /** When the bundle it keeps was replaced (ISO 8601). */
  replacedAt: string;
  /** What replaced it: `upgrade` or `rollback to N`. */
  replacedBy: string;
}

/** A kept revision, as `aisle history` lists it. */
export interface Revision extends RevisionMeta {
  /** Instance → `component@version`, from the revision's own lock. */
  instances: Record<string, string>;
}

/** Revisions kept in a bundle folder, oldest first. */
export function listRevisions(dir: string): Revision[] {
  const root = join(dir, REVISIONS_DIR);
  if (!existsSync(root)) return [];
  const numbers = readdirSync(root)
    .filter((n) => /^[1-9][0-9]{0,8}$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  return numbers.map((revision) => {
    const folder = join(root, String(revision));
    let meta: Partial<RevisionMeta> = {};
    try {
      meta = JSON.parse(readFileSync(join(folder, 'revision.json'), 'utf8')) as RevisionMeta;
    } catch {
      // A revision without its record still lists, with what its lock tells.
    }
    return { revision, replacedAt: meta.replacedAt ?? '', replacedBy: meta.replacedBy ?? '', instances: lockInstances(join(folder, 'files', LOCK_FILE)) };
  });
}

/** The number the next kept revision gets. */
export function nextRevision(dir: string): number {
  const revisions = listRevisions(dir);
  return revisions.length === 0 ? 1 : revisions[revisions.length - 1]!.revision + 1;
}

/** A revision's files, byte for byte, with their modes; undefined when there is no such revision. */
export function readRevisionFiles(dir: string, revision: number): BundleFile[] | undefined {
  const root = join(dir, REVISIONS_DIR, String(revision), 'files');
  if (!existsSync(root)) return undefined;
  const files: BundleFile[] = [];
  const walk = (prefix: string) => {
    for (const e of readdirSync(join(root, prefix), { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) files.push({ path, content: readFileSync(join(root, path), 'utf8'), mode: lstatSync(join(root, path)).mode & 0o777 });
    }
  };
  walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Instance → `component@version` from a lock file; empty when it does not read as one. */
export function lockInstances(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const { lock } = parseLock(readFileSync(file, 'utf8'), file);
  return Object.fromEntries(Object.entries(lock?.instances ?? {}).map(([name, i]) => [name, `${i.component}@${i.version}`]));
}
