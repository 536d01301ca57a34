import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'component.yaml';
/** A kit's version folder holds this instead of component.yaml. */
export const KIT_FILE = 'kit.yaml';
export const CERTIFICATION_FILE = 'certification.json';
export const DEPRECATION_FILE = 'DEPRECATED';

/** What reading one manifest (or kit) file gave: its text, or why there is none. */
export type ManifestText = { text: string } | { tooLarge: number } | { unreadable: string };

/** Everything the loader reads in one `<name>/<version>` folder, read once. */
export interface VersionFolderFiles {
  name: string;
  versionDir: string;
  folder: string;
  /** `component` or `kit` when that file is there; `none` when the folder holds neither. */
  kind: 'component' | 'kit' | 'none';
  manifest?: ManifestText;
  /** The DEPRECATED note's text, when the file is there. */
  deprecated?: string;
  /** certification.json's text, when the file is there. */
  record?: string;
  /** In a folder with no manifest: the first sub-folder holding one (a scoped name laid out as folders). */
  nested?: string;
}

/**
 * Reads every file the catalog loader looks at under `DIR/<name>/<version>/`, in the
 * loader's order, so that parsing and the cache's content digest see the same bytes.
 */
export function readCatalogFiles(dir: string, maxBytes: number): VersionFolderFiles[] {
  const folders: VersionFolderFiles[] = [];
  for (const name of listDirs(dir)) {
    for (const versionDir of listDirs(join(dir, name))) folders.push(readVersionFolder(join(dir, name, versionDir), name, versionDir, maxBytes));
  }
  return folders;
}

/** Reads one version folder's manifest (or kit), deprecation note and certification record. */
export function readVersionFolder(folder: string, name: string, versionDir: string, maxBytes: number): VersionFolderFiles {
  const component = join(folder, MANIFEST_FILE);
  const kit = join(folder, KIT_FILE);
  const kind = existsSync(component) ? 'component' : existsSync(kit) ? 'kit' : 'none';
  if (kind === 'none') {
    const nested = listDirs(folder).find((d) => existsSync(join(folder, d, MANIFEST_FILE)));
    return { name, versionDir, folder, kind, nested };
  }
  return { name, versionDir, folder, kind, manifest: readManifestText(kind === 'component' ? component : kit, maxBytes), ...readFolderNotes(folder) };
}

/** A version folder's deprecation note and certification record, each when its file is there. */
export function readFolderNotes(folder: string): { deprecated?: string; record?: string } {
  const deprecationFile = join(folder, DEPRECATION_FILE);
  const recordFile = join(folder, CERTIFICATION_FILE);
  return {
    deprecated: existsSync(deprecationFile) ? readFileSync(deprecationFile, 'utf8') : undefined,
    record: existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : undefined,
  };
}

/** A manifest's text, refused unread above maxBytes; a read failure is a value, reported by the loader. */
export function readManifestText(file: string, maxBytes: number): ManifestText {
  try {
    const size = statSync(file).size;
    if (size > maxBytes) return { tooLarge: size };
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    return { unreadable: (e as Error).message };
  }
}

function listDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}
