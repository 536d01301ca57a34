import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../../apps/api/src/api-config.js';
import { dockerIgnored, readDockerfile, type Instruction, type Stage } from './read-dockerfile.js';

// No Docker engine runs here: the image is checked by reading the Dockerfile, by running its
// HEALTHCHECK command, and by holding its COPY lines against the build context.
const ROOT = join(__dirname, '../..');
const stages = readDockerfile(join(ROOT, 'Dockerfile'));
const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
const build = stages[0]!;
const runtime = stages[stages.length - 1]!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const env = (stage: Stage): Record<string, string> => Object.fromEntries(all(stage, 'ENV').flatMap((i) => i.args.map((a) => a.split('=') as [string, string])));
const tracked = (path: string) => execFileSync('git', ['ls-files', '--', path], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('Dockerfile', () => {
  it('builds in one stage and runs from another, each FROM a Node LTS slim image pinned by its tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toMatch(/^node:(22|24)-(bookworm|trixie)-slim$/);
    // The runtime's Node is one package.json's engines accept.
    const major = /^node:(\d+)-/.exec(runtime.image)![1]!;
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toContain(`^${major}.`);
    expect(build.name).toBe('build');
  });

  it('installs with npm ci and builds with npm run build in the build stage; the runtime installs nothing', () => {
    const runs = all(build, 'RUN').map((i) => i.text);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm run build\b/.test(r))).toBe(true);
    // Development dependencies are pruned before node_modules is copied over.
    expect(runs.some((r) => /\bnpm prune --omit=dev\b/.test(r))).toBe(true);
    expect(
      all(runtime, 'RUN')
        .map((i) => i.text)
        .join('\n'),
    ).not.toMatch(/\bnpm (ci|install)\b|apt-get/);
  });

  it('runs as a user that is not root, set before the command', () => {
    const users = all(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1]!.args[0]!;
    expect(['root', '0', '0:0']).not.toContain(user);
    const at = (i: Instruction) => runtime.instructions.indexOf(i);
    expect(at(users[users.length - 1]!)).toBeLessThan(at(all(runtime, 'CMD')[0]!));
  });

  it('listens where a container must: every interface, on the port it exposes, with the service’s own defaults', () => {
    const vars = env(runtime);
    expect(vars.HOST).toBe('0.0.0.0');
    expect(all(runtime, 'EXPOSE').flatMap((i) => i.args)).toEqual([vars.PORT]);
    const config = apiConfigFromEnv(vars, '/app');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    // The SQLite file sits in the one folder the user owns.
    expect(config.databaseUrl).toBe('/app/data/aisle.sqlite');
    expect(
      all(runtime, 'RUN')
        .map((i) => i.text)
        .join('\n'),
    ).toMatch(/chown node:node \/app\/data/);
  });

  it('starts the built service with node itself, in exec form (so SIGTERM reaches it)', () => {
    const cmd = all(runtime, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(cmd[0]!.exec).toBe(true);
    expect(cmd[0]!.args).toEqual(['node', 'dist/apps/api/src/main.js']);
  });

  describe('HEALTHCHECK', () => {
    let status = 200;
    const paths: string[] = [];
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        paths.push(req.url ?? '');
        res.writeHead(req.url === '/healthz' ? status : 404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const check = all(runtime, 'HEALTHCHECK')[0]!;
    // The command as Docker runs it in the container, with the container's PORT (in a child: the server answers from this process).
    const probe = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(check.args[0]!, check.args.slice(1), { env: { ...process.env, PORT: String(port) }, stdio: 'ignore', timeout: 10_000 });
        child.on('exit', (code) => resolve(code));
      });

    it('is an exec-form node command (the slim image has no curl or wget) with a timeout and a start period', () => {
      expect(check.exec).toBe(true);
      expect(check.args[0]).toBe('node');
      expect(check.text).not.toMatch(/\b(curl|wget)\b/);
      expect(check.flags).toMatchObject({ timeout: expect.stringMatching(/^\d+s$/), 'start-period': expect.stringMatching(/^\d+s$/) });
    });

    it('asks /healthz on the PORT the service listens on and passes on a 2xx', async () => {
      status = 200;
      paths.length = 0;
      expect(await probe()).toBe(0);
      expect(paths).toEqual(['/healthz']);
    });

    it('fails when /healthz answers 503 or nothing listens', async () => {
      status = 503;
      expect(await probe()).toBe(1);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      expect(await probe()).toBe(1);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    });
  });

  it('copies into the build stage only files that exist and that .dockerignore lets into the context', () => {
    const sources = all(build, 'COPY').flatMap((i) => i.args.slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'apps', 'libs', 'catalog', 'trust']));
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      const files = tracked(source);
      expect(files.length, source).toBeGreaterThan(0);
      // Specs stay out (the build excludes them anyway); everything else of the source goes in.
      for (const file of files) expect(dockerIgnored(ignore, file), file).toBe(file.endsWith('.spec.ts'));
    }
  });

  it('keeps local state out of the context: dependencies, build output, databases, test output', () => {
    for (const path of [
      'node_modules/x/index.js',
      'dist/apps/api/src/main.js',
      'data/aisle.sqlite',
      'test-output/a.png',
      'test/bundles/golden.spec.ts',
      '.git/HEAD',
    ])
      expect(dockerIgnored(ignore, path), path).toBe(true);
  });

  it('gives the runtime what the service reads: production node_modules, dist, the catalog, the trust store, the IDE page', () => {
    const copies = all(runtime, 'COPY');
    expect(
      copies.every((i) => i.flags.from === 'build'),
      'the runtime copies only from the build stage',
    ).toBe(true);
    const copied = copies.flatMap((i) => i.args.slice(0, -1));
    // findProjectRoot looks for package.json beside catalog/; the IDE page and script are read from apps/web.
    for (const needed of [
      '/app/package.json',
      '/app/node_modules',
      '/app/dist',
      '/app/catalog',
      '/app/trust',
      '/app/apps/web/index.html',
      '/app/apps/web/ide.js',
    ])
      expect(copied, needed).toContain(needed);
    const built = new Set(['/app/node_modules', '/app/dist']);
    const buildCopies = all(build, 'COPY').flatMap((i) => i.args.slice(0, -1).map((s) => `/app/${s}`));
    for (const path of copied) {
      const fromContext = buildCopies.some((s) => path === s || path.startsWith(`${s}/`));
      expect(fromContext || built.has(path), `${path} is copied into or made by the build stage`).toBe(true);
    }
  });
});
