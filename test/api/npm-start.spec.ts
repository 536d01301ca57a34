import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/test-server.js';

/** Starts a built entry point (npm test builds first) and waits for its "listening" log line. */
function launch(args: string[], cwd: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    delete env.AISLE_CATALOG;
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"msg":"listening","url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (m) resolve({ child, url: m[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
  });
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function aisles(url: string): Promise<string[]> {
  const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ aisles { name } }' }) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { data: { aisles: Array<{ name: string }> } }).data.aisles.map((a) => a.name);
}

describe('npm start (the built service) and aisle serve', () => {
  it('answers { aisles { name } } on a fresh SQLite file under ./data, logs JSON, and stops cleanly on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aisle-start-'));
    const { child, url, output } = await launch([join(ROOT, 'dist/apps/api/src/main.js')], cwd);
    expect(await aisles(url)).toContain('database');
    expect(existsSync(join(cwd, 'data', 'aisle.sqlite'))).toBe(true);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(await stopped(child)).toBe(0);
    const lines = output().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.at(-1)).toContain('"msg":"stopped"');
    rmSync(cwd, { recursive: true, force: true });
  });

  it('aisle serve runs the same service', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aisle-serve-'));
    const { child, url } = await launch([join(ROOT, 'bin/aisle.js'), 'serve', '--database-url', 'store.sqlite'], cwd);
    expect(await aisles(url)).toContain('database');
    expect(existsSync(join(cwd, 'store.sqlite'))).toBe(true);
    expect(await stopped(child)).toBe(0);
    rmSync(cwd, { recursive: true, force: true });
  });
});
