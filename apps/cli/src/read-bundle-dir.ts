import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_FILES = 5000;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The files an earlier bundle left in `dir` (relative path → text), so a target's
 * SecretReader can find the secrets it generated. Symlinks and huge files are skipped.
 */
export function readBundleDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return files;
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      if (files.size >= MAX_FILES) return;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && lstatSync(join(dir, path)).size <= MAX_FILE_BYTES) files.set(path, readFileSync(join(dir, path), 'utf8'));
    }
  };
  walk('');
  return files;
}
