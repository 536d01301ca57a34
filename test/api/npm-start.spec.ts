import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
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
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ aisles { name } }' }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { data: { aisles: Array<{ name: string }> } }).data.aisles.map((a) => a.name);
}

/** Runs a command to its end, with its output. */
function runToExit(command: string, args: string[], cwd: string, extraEnv: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env: Record<string, string | undefined> = { ...process.env, HOST: '127.0.0.1', ...extraEnv };
    delete env.DATABASE_URL;
    delete env.AISLE_CATALOG;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** A port something already listens on, until `close`. */
async function busyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('npm start (the built service) and aisle serve', () => {
  it('a port in use: one plain line saying so, before migrations and ingest, and a non-zero exit', { timeout: 90_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aisle-busy-'));
    const busy = await busyPort();
    try {
      const { code, output } = await runToExit(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], cwd, { PORT: String(busy.port) });
      expect(code).not.toBe(0);
      const lines = output.trim().split('\n');
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as { level: string; msg: string };
      expect(line.level).toBe('error');
      expect(line.msg).toBe(
        `the service could not start: port ${busy.port} on 127.0.0.1 is already in use: stop what listens there, or set PORT to a free port`,
      );
      expect(output).not.toContain('EADDRINUSE');
      expect(output).not.toContain('successfully started');
      // Found before the database was opened: no migrations ran, no file was created.
      expect(existsSync(join(cwd, 'data'))).toBe(false);
    } finally {
      await busy.close();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it(
    'a restart logs the catalog it found in named counts: versions present, new and certified, apart from what it recorded',
    { timeout: 120_000 },
    async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'aisle-restart-'));
      const ingested = (output: string) => JSON.parse(output.split('\n').find((l) => l.includes('"msg":"catalog ingested"'))!) as Record<string, number>;
      const first = await launch([join(ROOT, 'dist/apps/api/src/main.js')], cwd);
      expect(await stopped(first.child)).toBe(0);
      const second = await launch([join(ROOT, 'dist/apps/api/src/main.js')], cwd);
      expect(await stopped(second.child)).toBe(0);
      const [before, after] = [ingested(first.output()), ingested(second.output())];
      expect(before.versionsAdded).toBe(before.versionsShipped);
      expect(before.versionsCertified).toBeGreaterThan(0);
      expect(after).toMatchObject({
        versionsShipped: before.versionsShipped,
        versionsAdded: 0,
        versionsAlreadyStored: before.versionsShipped,
        versionsRefused: 0,
        versionsCertified: before.versionsCertified,
        certificationsRecordedNow: 0,
      });
      expect(after).not.toHaveProperty('certified');
      rmSync(cwd, { recursive: true, force: true });
    },
  );

  it('npm start says at once that it builds, then where it serves', { timeout: 180_000 }, async () => {
    // A scratch copy, so that its build never rewrites the dist/ other tests are reading.
    const copy = mkdtempSync(join(tmpdir(), 'aisle-npm-start-'));
    for (const part of ['apps', 'libs', 'schemas', 'catalog', 'trust', 'package.json', 'tsconfig.json', 'tsconfig.build.json'])
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    delete env.AISLE_CATALOG;
    const started = Date.now();
    const child = spawn('npm', ['start'], { cwd: copy, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let firstWords: { at: number; text: string } | undefined;
    const listening = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // npm's own "> aisle@… start" banner aside, the first thing said.
        const said = output.split('\n').find((l) => l.trim() !== '' && !l.startsWith('>'));
        if (said && !firstWords) firstWords = { at: Date.now() - started, text: said };
        if (/"msg":"listening","url":"http:\/\/127\.0\.0\.1:\d+\/graphql"/.test(output)) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm start exited ${code} before listening:\n${output}`)));
    });
    try {
      await listening;
      expect(firstWords?.text).toMatch(
        /^aisle: building the service \(tsc\) and the store \(vite\), then serving the store at http:\/\/127\.0\.0\.1:0\/ and GraphQL at \/graphql/,
      );
      // Said before the build (seconds), not after it.
      expect(output.indexOf(firstWords!.text)).toBeLessThan(output.indexOf('"msg":"listening"'));
      expect(output.indexOf(firstWords!.text)).toBeLessThan(output.indexOf('"msg":"catalog ingested"'));
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      rmSync(copy, { recursive: true, force: true });
    }
  });

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
