import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { findProjectRoot } from './find-shipped-catalog.js';
import type { VersionFolderFiles } from './read-catalog-files.js';

/** Raised whenever the cached form changes shape, so an old file is never read as the new form. */
const CACHE_FORMAT = 'aisle-catalog-cache/2';
/** The shipped catalog's cache is well under a megabyte; a file far larger is not ours to read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** One file per catalog folder and viewpoint; the oldest go beyond this many, so temporary catalogs do not pile up. */
const MAX_CACHE_FILES = 32;
// The libraries whose code decides what a load produces; their files are part of the key.
const LOADER_LIBRARIES = ['catalog', 'manifest', 'certify', 'diagnostics', 'inputs'];

/**
 * The folder the catalog cache lives in: `$AISLE_CACHE_DIR` (`off` turns the cache off),
 * else `$XDG_CACHE_HOME/aisle`, else `~/.cache/aisle`; undefined when off or no home.
 */
export function catalogCacheDir(env: Record<string, string | undefined>): string | undefined {
  const own = env.AISLE_CACHE_DIR;
  if (own !== undefined && own !== '') return own === 'off' ? undefined : own;
  // The XDG base directory spec: a relative value is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'aisle');
  const home = env.HOME || homedir();
  return home ? join(home, '.cache', 'aisle') : undefined;
}

/** What a cached load is filed under and checked against. */
export interface CatalogCacheKey {
  /** The cache file: one per catalog folder and the folder its paths are shown relative to. */
  file: string;
  /** The digest the file's content must carry to be used. */
  digest: string;
}

/**
 * The key of one load: every file's name and text as the loader read them, the trust
 * store's digest, and Aisle's own code and schemas, so any change there misses.
 */
export function catalogCacheKey(cacheDir: string, where: { dir: string; relativeTo: string }, files: readonly VersionFolderFiles[], trustDigest: string): CatalogCacheKey {
  const place = createHash('sha256').update(`${where.dir}\0${where.relativeTo}`).digest('hex').slice(0, 32);
  const digest = createHash('sha256')
    .update(`${CACHE_FORMAT}\0${process.versions.v8}\0${aisleDigest()}\0${trustDigest}\0${place}\0`)
    .update(JSON.stringify(files))
    .digest('hex');
  return { file: join(cacheDir, `catalog-${place}.bin`), digest };
}

/** The cached value for this key, or undefined when there is none, it is stale, or it cannot be read. */
export function readCatalogCache<T>(key: CatalogCacheKey): T | undefined {
  try {
    if (statSync(key.file).size > MAX_CACHE_BYTES) return undefined;
    const stored = deserialize(readFileSync(key.file)) as { digest?: unknown; value?: unknown } | null;
    if (typeof stored !== 'object' || stored === null || stored.digest !== key.digest) return undefined;
    return stored.value as T;
  } catch {
    // Missing, unreadable or corrupt: the caller loads from the files and writes a fresh one.
    return undefined;
  }
}

/** Stores a value under this key: written beside, then renamed over, so readers see the old file or the new, never half. Failures are ignored. */
export function writeCatalogCache(key: CatalogCacheKey, value: unknown): void {
  const dir = join(key.file, '..');
  const temp = `${key.file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, serialize({ digest: key.digest, value }), { mode: 0o600 });
    renameSync(temp, key.file);
    pruneCache(dir);
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs the next run its speed.
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written there either.
    }
  }
}

function pruneCache(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('catalog-') && f.endsWith('.bin'))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }));
  if (files.length <= MAX_CACHE_FILES) return;
  files.sort((a, b) => b.at - a.at);
  for (const { f } of files.slice(MAX_CACHE_FILES)) rmSync(join(dir, f), { force: true });
}

let aisle: string | undefined;

/**
 * Aisle's own part of the key: its version, the schemas' bytes, and the name and bytes
 * of each code file of the libraries that load a catalog, so a cache never outlives the
 * code that wrote it. Bytes, not times: `npm run build` rewrites every file, and a
 * rebuild that changed nothing (as before every bench, and before `npm start`) keeps
 * its cache. Reading them costs about what a stat of each did (a few ms).
 */
function aisleDigest(): string {
  if (aisle !== undefined) return aisle;
  const hash = createHash('sha256');
  const root = findProjectRoot();
  hash.update(readFileSync(join(root, 'package.json')));
  const schemas = join(root, 'schemas');
  for (const f of readdirSync(schemas).sort()) if (f.endsWith('.json')) hash.update(`${f}\0`).update(readFileSync(join(schemas, f)));
  const libs = join(__dirname, '..');
  const code = LOADER_LIBRARIES.flatMap((library) =>
    readdirSync(join(libs, library), { recursive: true, withFileTypes: true })
      // Source maps and type declarations do not change what runs.
      .filter((f) => f.isFile() && !f.name.endsWith('.map') && !f.name.endsWith('.d.ts'))
      .map((f) => join(f.parentPath, f.name)),
  ).sort();
  for (const path of code) {
    const bytes = readFileSync(path);
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  aisle = hash.digest('hex');
  return aisle;
}
