import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../apps/cli/src/main.js';

/** Runs the `aisle` command in this process from `cwd`, capturing what it prints and its exit code. */
export async function aisle(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: {} });
  return { code, out, err };
}

/** Every file under `dir` (relative path → content), folders walked, nothing followed. */
export function snapshot(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(files, snapshot(dir, path));
    else files[path] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}
