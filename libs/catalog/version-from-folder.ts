import { join } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/index.js';
import { manifestDigest, MAX_DOCUMENT_BYTES, parseComponentName, parseKit, parseManifest } from '../manifest/index.js';
import { UNCERTIFIED, type ComponentVersion } from './component-version.js';
import type { KitVersion } from './kit-version.js';
import type { CertificationVerifier } from './load-catalog.js';
import { KIT_FILE, MANIFEST_FILE, type ManifestText, type VersionFolderFiles } from './read-catalog-files.js';

/** One version the loader offers the index, in the order it offers them. */
export type CatalogEntry = { component: ComponentVersion } | { kit: KitVersion };

/** Where a file shows in diagnostics (relative to the working directory, or as given). */
export type ShowPath = (path: string) => string;

/**
 * Parses, checks and verifies one folder readCatalogFiles read: a component or kit
 * version to index, or the problems that keep it out (the rest of the catalog still loads).
 */
export function versionFromFolder(folder: VersionFolderFiles, show: ShowPath, verify?: CertificationVerifier): { entry?: CatalogEntry; diagnostics: Diagnostic[] } {
  if (folder.kind === 'kit') {
    const loaded = kitFromText(folder, show(join(folder.folder, KIT_FILE)), folder.name, folder.versionDir, verify);
    return { entry: loaded.version && { kit: loaded.version }, diagnostics: loaded.diagnostics };
  }
  if (folder.kind === 'none') {
    if (folder.nested === undefined) return { diagnostics: [warning('FILE_UNREADABLE', show(folder.folder), `holds no ${MANIFEST_FILE}`, { file: show(folder.folder) })] };
    // `acme/vault/1.0.0/component.yaml`: laid out as a scoped name reads, one folder too deep to load.
    const where = show(join(folder.folder, folder.nested, MANIFEST_FILE));
    return {
      diagnostics: [
        error(
          'NAME_SCOPED_IN_CATALOG',
          where,
          `${where} sits one folder too deep, as if named ${folder.name}/${folder.versionDir}: a catalog folder holds global names only (<name>/<version>/${MANIFEST_FILE}); publish scoped components to an Aisle service`,
          { file: where },
        ),
      ],
    };
  }
  const loaded = componentFromText(folder, show(join(folder.folder, MANIFEST_FILE)), folder.name, folder.versionDir, verify);
  return { entry: loaded.version && { component: loaded.version }, diagnostics: loaded.diagnostics };
}

type FolderText = Pick<VersionFolderFiles, 'manifest' | 'deprecated' | 'record'>;

/** One component version from its folder's text: manifest checks, location, deprecation and certification. */
export function componentFromText(
  files: FolderText,
  shown: string,
  expectedName: string | undefined,
  expectedVersion: string | undefined,
  verify?: CertificationVerifier,
): { version?: ComponentVersion; diagnostics: Diagnostic[] } {
  const text = manifestText(files.manifest, shown, 'manifest');
  if (typeof text !== 'string') return { diagnostics: [text] };
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
  const digest = manifestDigest(manifest);
  const deprecated = files.deprecated === undefined ? undefined : files.deprecated.trim() || 'deprecated';
  const certification = verify ? verify({ name, version, digest }, files.record) : UNCERTIFIED;
  if (certification.level !== 'certified' && files.record !== undefined) {
    diagnostics.push(warning('CERTIFICATION_INVALID', shown, `${name}@${version} loads as uncertified: ${certification.reason}`, { file: shown }));
  }
  return { version: { name, version, digest, manifest, source: shown, deprecated, certification }, diagnostics };
}

/** One kit version from its folder's text, as componentFromText does for a component. */
export function kitFromText(
  files: FolderText,
  shown: string,
  expectedName: string | undefined,
  expectedVersion: string | undefined,
  verify?: CertificationVerifier,
): { version?: KitVersion; diagnostics: Diagnostic[] } {
  const text = manifestText(files.manifest, shown, 'kit');
  if (typeof text !== 'string') return { diagnostics: [text] };
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
  const digest = manifestDigest(kit);
  const deprecated = files.deprecated === undefined ? undefined : files.deprecated.trim() || 'deprecated';
  const certification = verify ? verify({ name, version, digest }, files.record) : UNCERTIFIED;
  const diagnostics = [...parsed.diagnostics];
  if (certification.level !== 'certified' && files.record !== undefined) {
    diagnostics.push(warning('CERTIFICATION_INVALID', shown, `${name}@${version} loads as uncertified: ${certification.reason}`, { file: shown }));
  }
  return { version: { name, version, digest, kit, source: shown, deprecated, certification }, diagnostics };
}

function manifestText(read: ManifestText | undefined, shown: string, what: 'manifest' | 'kit'): string | Diagnostic {
  if (read === undefined) return error('FILE_UNREADABLE', shown, 'cannot read: no such file', { file: shown });
  if ('text' in read) return read.text;
  if ('tooLarge' in read) return error('YAML_TOO_LARGE', shown, `${what} is larger than ${MAX_DOCUMENT_BYTES} bytes`, { file: shown });
  return error('FILE_UNREADABLE', shown, `cannot read: ${read.unreadable}`, { file: shown });
}
