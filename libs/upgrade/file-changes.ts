import { createTwoFilesPatch } from 'diff';
import { isSecretFile, SEALED, type BundleFile } from '../render/index.js';

/** One file an upgrade adds, removes or changes, with its unified diff (none for a file holding secrets). */
export interface FileChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** A unified diff; absent when the file holds secrets (never shown). */
  diff?: string;
  /** True when the file holds secrets: that it changes is said, never what. */
  masked: boolean;
}

/**
 * The changes from a bundle's files to a new bundle's, sorted by path. A file that holds
 * secrets (sealed in the lock, or private in the new bundle) is listed without content.
 */
export function fileChanges(before: ReadonlyMap<string, string>, lockedFiles: Readonly<Record<string, string>>, after: readonly BundleFile[]): FileChange[] {
  const changes: FileChange[] = [];
  const next = new Map(after.map((f) => [f.path, f]));
  const paths = [...new Set([...before.keys(), ...next.keys()])].sort();
  for (const path of paths) {
    const old = before.get(path);
    const file = next.get(path);
    if (old !== undefined && file !== undefined && old === file.content) continue;
    const masked = lockedFiles[path] === SEALED || (file !== undefined && isSecretFile(file));
    const change = old === undefined ? 'added' : file === undefined ? 'removed' : 'changed';
    const diff = masked
      ? undefined
      : createTwoFilesPatch(
          old === undefined ? '/dev/null' : `a/${path}`,
          file === undefined ? '/dev/null' : `b/${path}`,
          old ?? '',
          file?.content ?? '',
          undefined,
          undefined,
          {
            context: 3,
          },
        );
    changes.push({ path, change, masked, ...(diff === undefined ? {} : { diff }) });
  }
  return changes;
}
