import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { inputsValidatorCode } from '../inputs/inputs-plan.js';
import { offerPrecompiledValidators } from '../inputs/precompiled-validators.js';
import { MAX_DOCUMENT_BYTES } from '../manifest/index.js';
import { catalogCacheDir, catalogCacheKey, readCatalogCache, writeCatalogCache, type CatalogCacheKey } from './catalog-cache.js';
import { CatalogIndex } from './catalog-index.js';
import type { CertificationStatus, ComponentVersion } from './component-version.js';
import type { KitVersion } from './kit-version.js';
import { readCatalogFiles, readFolderNotes, readManifestText } from './read-catalog-files.js';
import { componentFromText, kitFromText, versionFromFolder, type CatalogEntry } from './version-from-folder.js';

export { CERTIFICATION_FILE, DEPRECATION_FILE, KIT_FILE, MANIFEST_FILE } from './read-catalog-files.js';

/**
 * Checks a version's certification record (or its absence) against its digest. A
 * `cacheKey` (a digest of everything the answer depends on, such as the trust store's
 * keys) lets loadCatalog reuse earlier answers; a verifier without one is always called.
 */
export type CertificationVerifier = ((version: { name: string; version: string; digest: string }, recordText: string | undefined) => CertificationStatus) & {
  cacheKey?: string;
};

export interface LoadCatalogOptions {
  verify?: CertificationVerifier;
  /** Paths in diagnostics are shown relative to this folder (default: the working directory). */
  relativeTo?: string;
  /** Where the parsed and verified catalog is cached (default: catalogCacheDir of the environment); false for no cache. */
  cacheDir?: string | false;
}

export interface LoadedCatalog {
  index: CatalogIndex;
  diagnostics: Diagnostic[];
}

/**
 * What the cache holds for one load: the versions in the order they were indexed, every
 * diagnostic in order, and each version's inputs validator as code by digest (so a warm run
 * does not compile one).
 */
interface CachedLoad {
  entries: CatalogEntry[];
  diagnostics: Diagnostic[];
  validators: Record<string, string>;
}

/**
 * Loads `DIR/<name>/<version>/component.yaml` files into an index. A bad manifest is
 * reported and skipped; the rest of the catalog still loads. The result is cached by
 * the digest of every file read, the trust store and Aisle itself: a run that finds
 * all three unchanged rebuilds the same index without parsing or verifying anything.
 */
export function loadCatalog(dir: string, options: LoadCatalogOptions = {}): LoadedCatalog {
  const relativeTo = resolve(options.relativeTo ?? process.cwd());
  const show = (p: string) => relative(relativeTo, p) || p;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { index: new CatalogIndex(), diagnostics: [error('FILE_UNREADABLE', dir, `catalog folder ${dir} does not exist`, { file: dir })] };
  }
  const files = readCatalogFiles(dir, MAX_DOCUMENT_BYTES);
  const cacheDir = options.cacheDir === undefined ? catalogCacheDir(process.env) : options.cacheDir || undefined;
  // A verifier that cannot say what its answers depend on is never answered from a cache.
  const trust = options.verify ? options.verify.cacheKey : 'unverified';
  const key = cacheDir !== undefined && trust !== undefined ? cacheKey(cacheDir, { dir: resolve(dir), relativeTo }, files, trust) : undefined;
  const cached = key && readCatalogCache<CachedLoad>(key);
  if (cached) return indexed(cached);
  const load: CachedLoad = { entries: [], diagnostics: [], validators: {} };
  const index = new CatalogIndex();
  for (const folder of files) {
    const found = versionFromFolder(folder, show, options.verify);
    load.diagnostics.push(...found.diagnostics);
    if (!found.entry) continue;
    load.entries.push(found.entry);
    load.diagnostics.push(...addEntry(index, found.entry));
  }
  if (key) writeCatalogCache(key, withValidators(load));
  return { index, diagnostics: load.diagnostics };
}

/** The cache key, or none when it cannot be made (a cache is only ever a shortcut, never a reason to fail). */
function cacheKey(...args: Parameters<typeof catalogCacheKey>): CatalogCacheKey | undefined {
  try {
    return catalogCacheKey(...args);
  } catch {
    return undefined;
  }
}

function withValidators(load: CachedLoad): CachedLoad {
  for (const entry of load.entries) {
    // As validateInputs is called: a kit's inputs are its kit manifest's (expandKit).
    const version = 'kit' in entry ? { digest: entry.kit.digest, manifest: entry.kit.kit } : entry.component;
    const code = inputsValidatorCode(version);
    if (code !== undefined) load.validators[version.digest] = code;
  }
  return load;
}

/** The index a cached load stands for; indexing the same entries in the same order finds the same problems, already in the list. */
function indexed(load: CachedLoad): LoadedCatalog {
  offerPrecompiledValidators(load.validators);
  const index = new CatalogIndex();
  for (const entry of load.entries) addEntry(index, entry);
  return { index, diagnostics: load.diagnostics };
}

function addEntry(index: CatalogIndex, entry: CatalogEntry): Diagnostic[] {
  return 'kit' in entry ? index.addKit(entry.kit) : index.add(entry.component);
}

/** Loads one version folder's manifest, deprecation note and certification record. */
export function loadVersion(
  file: string,
  shown: string,
  expectedName: string | undefined,
  expectedVersion: string | undefined,
  verify?: CertificationVerifier,
): { version?: ComponentVersion; diagnostics: Diagnostic[] } {
  return componentFromText(folderText(file), shown, expectedName, expectedVersion, verify);
}

/** Loads one kit version folder: its kit.yaml, deprecation note and certification record, as loadVersion does for a component. */
export function loadKitVersion(
  file: string,
  shown: string,
  expectedName: string | undefined,
  expectedVersion: string | undefined,
  verify?: CertificationVerifier,
): { version?: KitVersion; diagnostics: Diagnostic[] } {
  return kitFromText(folderText(file), shown, expectedName, expectedVersion, verify);
}

function folderText(file: string) {
  return { manifest: readManifestText(file, MAX_DOCUMENT_BYTES), ...readFolderNotes(join(file, '..')) };
}
