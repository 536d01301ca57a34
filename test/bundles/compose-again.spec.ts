import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TARGETS } from '../../libs/render/index.js';
import { aisle, snapshot } from './cli-in-process.js';
import { EXAMPLES_DIR } from './example-bundles.js';

const BIN = join(__dirname, '../../bin/aisle.js');
const WEB_APP = join(EXAMPLES_DIR, 'web-app.yaml');

function put(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-again-'));

/** The web-app example without its cache instance (and the variable wired to it). */
const withoutCache = () =>
  readFileSync(WEB_APP, 'utf8')
    .replace(/ {2}cache:\n(?: {4}.*\n)+/, '')
    .replace(/ {6}REDIS_URL: .*\n/, '');

// Folders a user plausibly keeps beside a bundle: named like an instance, like a chart's folders, nested.
const USER_FILES: Record<string, string> = {
  'web/index.html': 'x\n',
  'db/init.sql': 'y\n',
  'cache/redis.conf': 'maxmemory 1gb\n',
  'templates/ingress.yaml': 'kind: Ingress\n',
  'templates/web/extra.yaml': 'kind: ConfigMap\n',
  'templates/cache/keep.yaml': 'kind: ConfigMap\n',
  'charts/sub/values.yaml': 'a: 1\n',
  'deep/er/still/notes.md': 'mine\n',
  '.gitignore': '.env\n',
  'MY-NOTES.md': 'mine\n',
};

describe("composing again never touches the user's files (issue 8, item 1)", () => {
  it('keeps files in folders named like instances: the reported commands, through the built binary', () => {
    const cwd = scratch();
    const compose = () => spawnSync('node', [BIN, 'compose', WEB_APP, '--out', 'proj'], { cwd, encoding: 'utf8' });
    expect(compose().status).toBe(0);
    put(join(cwd, 'proj'), 'web/index.html', 'x\n');
    put(join(cwd, 'proj'), 'db/init.sql', 'y\n');
    const again = compose();
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(join(cwd, 'proj/web/index.html'), 'utf8')).toBe('x\n');
    expect(readFileSync(join(cwd, 'proj/db/init.sql'), 'utf8')).toBe('y\n');
  });

  for (const target of TARGETS) {
    it(`keeps every user file in any folder, and writes the same bundle (${target})`, async () => {
      const cwd = scratch();
      const dir = join(cwd, 'b');
      expect((await aisle(['compose', WEB_APP, '--target', target, '--out', 'b'], cwd)).code).toBe(0);
      const bundle = snapshot(dir);
      for (const [path, content] of Object.entries(USER_FILES)) if (!(path in bundle)) put(dir, path, content);
      const r = await aisle(['compose', WEB_APP, '--target', target, '--out', 'b'], cwd);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const after = snapshot(dir);
      for (const [path, content] of Object.entries(USER_FILES)) if (!(path in bundle)) expect(after[path], path).toBe(content);
      for (const [path, content] of Object.entries(bundle)) expect(after[path], path).toBe(content);
    });

    it(`removes what the earlier bundle wrote for a removed instance, and only that (${target})`, async () => {
      const cwd = scratch();
      const dir = join(cwd, 'b');
      expect((await aisle(['compose', WEB_APP, '--target', target, '--out', 'b'], cwd)).code).toBe(0);
      const before = lockedFiles(dir);
      for (const [path, content] of Object.entries(USER_FILES)) if (!before.includes(path)) put(dir, path, content);
      writeFileSync(join(cwd, 'smaller.yaml'), withoutCache());
      const r = await aisle(['compose', 'smaller.yaml', '--target', target, '--out', 'b'], cwd);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const after = lockedFiles(dir);
      expect(after.some((p) => p.split('/').includes('cache'))).toBe(false);
      for (const path of before.filter((p) => !after.includes(p))) expect(existsSync(join(dir, path)), path).toBe(false);
      for (const path of after) expect(existsSync(join(dir, path)), path).toBe(true);
      for (const [path, content] of Object.entries(USER_FILES)) if (!before.includes(path)) expect(readFileSync(join(dir, path), 'utf8'), path).toBe(content);
      // The earlier bundle did write files of its own for the cache (none of them a user's).
      if (target === 'kubernetes' || target === 'helm')
        expect(before.filter((p) => p.startsWith(target === 'helm' ? 'templates/cache/' : 'cache/')).length).toBeGreaterThan(1);
    });

    it(`refuses to replace a file the user changed, names it, writes nothing; --force replaces it (${target})`, async () => {
      const cwd = scratch();
      const dir = join(cwd, 'b');
      expect((await aisle(['compose', WEB_APP, '--target', target, '--out', 'b'], cwd)).code).toBe(0);
      const edited = { compose: 'compose.yaml', kubernetes: 'db/service.yaml', helm: 'values.yaml', openshift: 'template.yaml' }[target];
      const secretFile = { compose: '.env', kubernetes: 'db/secret.yaml', helm: 'values.yaml', openshift: 'template.yaml' }[target];
      writeFileSync(join(dir, edited), `${readFileSync(join(dir, edited), 'utf8')}# my change hunter2\n`);
      if (secretFile !== edited) writeFileSync(join(dir, secretFile), `${readFileSync(join(dir, secretFile), 'utf8')}# mine too\n`);
      const before = snapshot(dir);
      writeFileSync(join(cwd, 'smaller.yaml'), withoutCache());
      const r = await aisle(['compose', 'smaller.yaml', '--target', target, '--out', 'b'], cwd);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${edited}: changed since aisle wrote it`);
      expect(r.err).toContain(`${secretFile}: changed since aisle wrote it`);
      expect(r.err).toContain('--force');
      expect(r.err).not.toContain('hunter2');
      expect(snapshot(dir)).toEqual(before);
      const forced = await aisle(['compose', 'smaller.yaml', '--target', target, '--out', 'b', '--force'], cwd);
      expect(forced.err).toBe('');
      expect(forced.code).toBe(0);
      expect(readFileSync(join(dir, edited), 'utf8')).not.toContain('my change');
      expect(lockedFiles(dir).some((p) => p.split('/').includes('cache'))).toBe(false);
    });
  }

  it('keeps the secrets an edited .env holds when --force replaces it', async () => {
    const cwd = scratch();
    const dir = join(cwd, 'b');
    expect((await aisle(['compose', WEB_APP, '--out', 'b'], cwd)).code).toBe(0);
    const env = readFileSync(join(dir, '.env'), 'utf8');
    writeFileSync(join(dir, '.env'), `${env}MY_OWN=1\n`);
    expect((await aisle(['compose', WEB_APP, '--out', 'b', '--force'], cwd)).code).toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(env);
  });

  it('keeps the secrets of a bundle whose lock is gone when --force replaces its files', async () => {
    const cwd = scratch();
    const dir = join(cwd, 'b');
    expect((await aisle(['compose', WEB_APP, '--target', 'kubernetes', '--out', 'b'], cwd)).code).toBe(0);
    const secret = readFileSync(join(dir, 'db/secret.yaml'), 'utf8');
    rmSync(join(dir, 'aisle.lock'));
    const refused = await aisle(['compose', WEB_APP, '--target', 'kubernetes', '--out', 'b'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('db/secret.yaml: aisle did not write it');
    expect((await aisle(['compose', WEB_APP, '--target', 'kubernetes', '--out', 'b', '--force'], cwd)).code).toBe(0);
    expect(readFileSync(join(dir, 'db/secret.yaml'), 'utf8')).toBe(secret);
  });

  it('writes into a folder that is no bundle when nothing collides, and refuses a file it did not write', async () => {
    const cwd = scratch();
    const dir = join(cwd, 'project');
    put(dir, 'src/main.ts', 'code\n');
    put(dir, 'db/secret.yaml', 'mine\n');
    const r = await aisle(['compose', WEB_APP, '--target', 'kubernetes', '--out', 'project'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('db/secret.yaml: aisle did not write it');
    expect(snapshot(dir)).toEqual({ 'src/main.ts': 'code\n', 'db/secret.yaml': 'mine\n' });
    const plain = await aisle(['compose', WEB_APP, '--out', 'project'], cwd);
    expect(plain.err).toBe('');
    expect(plain.code).toBe(0);
    expect(readFileSync(join(dir, 'src/main.ts'), 'utf8')).toBe('code\n');
    expect(existsSync(join(dir, 'compose.yaml'))).toBe(true);
  });

  it('lists every file it wrote in aisle.lock, sorted, each with its sha256 (files holding secrets seal their own)', async () => {
    for (const target of TARGETS) {
      const cwd = scratch();
      expect((await aisle(['compose', WEB_APP, '--target', target, '--out', 'b'], cwd)).code).toBe(0);
      const dir = join(cwd, 'b');
      const files = lockFiles(dir);
      const written = Object.keys(snapshot(dir))
        .filter((p) => p !== 'aisle.lock')
        .sort();
      expect(Object.keys(files)).toEqual(written);
      for (const [path, digest] of Object.entries(files)) expect(digest, `${target} ${path}`).toMatch(/^sha256:[0-9a-f]{64}$|^sealed$/);
      const sealed = Object.entries(files)
        .filter(([, d]) => d === 'sealed')
        .map(([p]) => p);
      // A Template whose secrets are all generated by `oc process` holds none, so nothing in it is sealed.
      if (target === 'openshift') expect(sealed, target).toEqual([]);
      else expect(sealed.length, target).toBeGreaterThan(0);
    }
  });
});

function lockFiles(dir: string): Record<string, string> {
  return (parse(readFileSync(join(dir, 'aisle.lock'), 'utf8')) as { files: Record<string, string> }).files;
}

function lockedFiles(dir: string): string[] {
  return Object.keys(lockFiles(dir));
}
