import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { BundleFile } from '../../libs/render/renderer.js';

/** Writes a bundle to a temporary folder, runs the real `kubectl kustomize` on it, and returns the objects it prints. */
export function kubectlKustomize(files: readonly BundleFile[], folder = ''): Array<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'aisle-kustomize-'));
  try {
    for (const file of files) {
      const path = join(root, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    const out = execFileSync('kubectl', ['kustomize', join(root, folder)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return parseAllDocuments(out).map((d) => d.toJS() as Record<string, unknown>);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
