import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import * as tar from 'tar';

/** The files of a .zip, by path, as text. */
export function unzipText(archive: Uint8Array): Map<string, string> {
  const files = unzipSync(archive);
  return new Map(Object.entries(files).map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')]));
}

/** Writes files into a fresh temporary folder and returns it. */
export function writeFolder(files: ReadonlyMap<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-download-'));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Unpacks a .tar.gz file into a fresh temporary folder (node-tar, as tar -xzf would) and returns it. */
export function untar(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-untar-'));
  tar.x({ file, cwd: dir, sync: true });
  return dir;
}
