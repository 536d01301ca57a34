import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/index.js';
import { manifestDigest, MAX_DOCUMENT_BYTES, parseComponentName, parseKit, parseManifest } from '../manifest/index.js';
import { CatalogIndex } from './catalog-index.js';
import { UNCERTIFIED, type CertificationStatus, type ComponentVersion } from './component-version.js';
import type { KitVersion } from './kit-version.js';

export const MANIFEST_FILE = 'component.yaml';
/** A kit's version folder holds this instead of component.yaml. */
export const KIT_FILE = 'kit.yaml';
export const CERTIFICATION_FILE = 'certification.json';
export const DEPRECATION_FILE = 'DEPRECATED';

/** Checks a version's certification record (or its absence) against its digest. */
export type CertificationVerifier = (version: { name: string; version: string; digest: string }, recordText: string | undefined) => CertificationStatus;

export interface LoadCatalogOptions {
  verify?: CertificationVerifier;
  /** Paths in diagnostics are shown relative to this folder (default: the working directory). */
  relativeTo?: string;
}

export interface LoadedCatalog {
  index: CatalogIndex;
  diagnostics: Diagnostic[];
}

/**
 * Loads `DIR/<name>/<version>/component.yaml` files into an index. A bad manifest is
 * reported and skipped; the rest of the catalog still loads.
 */
export function loadCatalog(dir: string, options: LoadCatalogOptions = {}): LoadedCatalog {
  const index = new CatalogIndex();
  const diagnostics: Diagnostic[] = [];
  const show = (p: string) => relative(options.relativeTo ?? process.cwd(), p) || p;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { index, diagnostics: [error('FILE_UNREADABLE', dir, `catalog folder ${dir} does not exist`, { file: dir })] };
  }
  for (const name of listDirs(dir)) {
    for (const versionDir of listDirs(join(dir, name))) {
      const folder = join(dir, name, versionDir);
      const file = join(folder, MANIFEST_FILE);
      const shown = show(file);
      if (!existsSync(file) && existsSync(join(folder, KIT_FILE))) {
        const loaded = loadKitVersion(join(folder, KIT_FILE), show(join(folder, KIT_FILE)), name, versionDir, options.verify);
        diagnostics.push(...loaded.diagnostics);
        if (loaded.version) diagnostics.push(...index.addKit(loaded.version));
        continue;
      }
      if (!existsSync(file)) {
        // `acme/vault/1.0.0/component.yaml`: laid out as a scoped name reads, one folder too deep to load.
        const nested = listDirs(folder).find((d) => existsSync(join(folder, d, MANIFEST_FILE)));
        if (nested !== undefined) {
          const where = show(join(folder, nested, MANIFEST_FILE));
          diagnostics.push(
            error('NAME_SCOPED_IN_CATALOG', where, `${where} sits one folder too deep, as if named ${name}/${versionDir}: a catalog folder holds global names only (<name>/<version>/${MANIFEST_FILE}); publish scoped components to an Aisle service`, { file: where }),
          );
        } else diagnostics.push(warning('FILE_UNREADABLE', show(folder), `holds no ${MANIFEST_FILE}`, { file: show(folder) }));
        continue;
      }
      const loaded = loadVersion(file, shown, name, versionDir, options.verify);
      diagnostics.push(...loaded.diagnostics);
      if (loaded.version) diagnostics.push(...index.add(loaded.version));
    }
  }
  return { index, diagnostics };
}

/** Loads one version folder's manifest, deprecation note and certification record. */
export function loadVersion(
  file: string,
  shown: string,
  expectedName: string | undefined,
  expectedVersion: string | undefined,
  verify?: CertificationVerifier,
): { version?: ComponentVersion; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    if (statSync(file).size > MAX_DOCUMENT_BYTES) {
      return { diagnostics: [error('YAML_TOO_LARGE', shown, `manifest is larger than ${MAX_DOCUMENT_BYTES} bytes`, { file: shown })] };
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { diagnostics: [error('FILE_UNREADABLE', shown, `cannot read: ${(e as Error).message}`, { file: shown })] };
  }
  const parsed = parseManifest(text, shown);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const manifest = parsed.value;
  const diagnostics = [...parsed.diagnostics];
  const { name, version } = manifest.metadata;
  const scoped = parseComponentName(name);
  if (scoped?.scope !== undefined) {
    // A folder name cannot hold the `/` of a scope, and an organization's scope belongs to that organization on a service.
    diagnostics.push(
      error('NAME_SCOPED_IN_CATALOG', 'metadata.name', `${name} is in the scope of organization ${scoped.scope}: a catalog folder holds global names only (such as ${scoped.base}); publish scoped components to an Aisle service`, { file: shown }),
    );
    return { diagnostics };
  }
  if ((expectedName !== undefined && expectedName !== name) || (expectedVersion !== undefined && expectedVersion !== version)) {
    diagnostics.push(
      error('MANIFEST_LOCATION_MISMATCH', 'metadata', `declares ${name}@${version} but sits in ${expectedName}/${expectedVersion}; expected catalog/${name}/${version}/${MANIFEST_FILE}`, { file: shown }),
    );
    return { diagnostics };
  }
  const folder = join(file, '..');
  const digest = manifestDigest(manifest);
  const deprecationFile = join(folder, DEPRECATION_FILE);
  const deprecated = existsSync(deprecationFile) ? readFileSync(deprecationFile, 'utf8').trim() || 'deprecated' : undefined;
  const recordFile = join(folder, CERTIFICATION_FILE);
  const record = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : undefined;
  const certification = verify ? verify({ name, version, digest }, record) : UNCERTIFIED;
  if (certification.level !== 'certified' && record !== undefined) {
    diagnostics.push(warning('CERTIFICATION_INVALID', shown, `${name}@${version} loads as uncertified: ${certification.reason}`, { file: shown }));
  }
  return { version: { name, version, digest, manifest, source: shown, deprecated, certification }, diagnostics };
}

/** Loads one kit version folder: its kit.yaml, deprecation note and certification record, as loadVersion does for a component. */
export function loadKitVersion(
  file: string,
  shown: string,
  expectedName: string | undefined,
  expectedVersion: string | undefined,
  verify?: CertificationVerifier,
): { version?: KitVersion; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    if (statSync(file).size > MAX_DOCUMENT_BYTES) {
      return { diagnostics: [error('YAML_TOO_LARGE', shown, `kit is larger than ${MAX_DOCUMENT_BYTES} bytes`, { file: shown })] };
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { diagnostics: [error('FILE_UNREADABLE', shown, `cannot read: ${(e as Error).message}`, { file: shown })] };
  }
  const parsed = parseKit(text, shown);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const kit = parsed.value;
  const { name, version } = kit.metadata;
  if ((expectedName !== undefined && expectedName !== name) || (expectedVersion !== undefined && expectedVersion !== version)) {
    return {
      diagnostics: [
        ...parsed.diagnostics,
        error('MANIFEST_LOCATION_MISMATCH', 'metadata', `declares ${name}@${version} but sits in ${expectedName}/${expectedVersion}; expected catalog/${name}/${version}/${KIT_FILE}`, {
          file: shown,
        }),
      ],
    };
  }
  const folder = join(file, '..');
  const digest = manifestDigest(kit);
  const deprecationFile = join(folder, DEPRECATION_FILE);
  const deprecated = existsSync(deprecationFile) ? readFileSync(deprecationFile, 'utf8').trim() || 'deprecated' : undefined;
  const recordFile = join(folder, CERTIFICATION_FILE);
  const record = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : undefined;
  const certification = verify ? verify({ name, version, digest }, record) : UNCERTIFIED;
  const diagnostics = [...parsed.diagnostics];
  if (certification.level !== 'certified' && record !== undefined) {
    diagnostics.push(warning('CERTIFICATION_INVALID', shown, `${name}@${version} loads as uncertified: ${certification.reason}`, { file: shown }));
  }
  return { version: { name, version, digest, kit, source: shown, deprecated, certification }, diagnostics };
}

function listDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}
