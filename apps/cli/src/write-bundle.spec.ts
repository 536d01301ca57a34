import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, renderLock, type BundleFile } from '../../../libs/render/index.js';
import { planBundleWrite } from './plan-bundle-write.js';
import { PENDING_LOCK_FILE, readPreviousBundle } from './read-previous-bundle.js';
import { isSafeBundlePath, writeBundle } from './write-bundle.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-wb-'));
const app = { name: 'x', instances: [] };

/** A bundle of `files` plus the aisle.lock listing them. */
function bundle(files: BundleFile[]): BundleFile[] {
  return [...files, renderLock(app, 'compose', () => undefined, files)];
}

/** Plans and writes like the CLI does; returns the conflicts (nothing written when there are some). */
function compose(dir: string, files: BundleFile[], force = false): string[] {
  const plan = planBundleWrite(dir, bundle(files), readPreviousBundle(dir), force);
  if (plan.conflicts.length === 0) writeBundle(dir, plan);
  return plan.conflicts.map((c) => `${c.path}: ${c.problem}`);
}

describe('writeBundle', () => {
  it.each(['../x', '/etc/passwd', 'a/../../x', 'a//b', './a', '', 'a\\..\\b'])('refuses %j', (path) => {
    expect(isSafeBundlePath(path)).toBe(false);
    const root = scratch();
    expect(() =>
      writeBundle(join(root, 'out'), {
        files: [
          { path: 'ok.txt', content: 'x' },
          { path, content: 'x' },
        ],
        remove: [],
      }),
    ).toThrow(/refusing/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('writes files with their modes and leaves no staging folder, inside or beside', () => {
    const root = scratch();
    writeBundle(join(root, 'out'), {
      files: [
        { path: '.env', content: 'A=1\n', mode: 0o600 },
        { path: 'templates/db/x.yaml', content: 'a: 1\n' },
      ],
      remove: [],
    });
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['.env', 'templates']);
    expect(statSync(join(root, 'out/.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, 'out/templates/db/x.yaml'), 'utf8')).toBe('a: 1\n');
  });

  it('does not follow a symlinked sub-folder out of the bundle', () => {
    const root = scratch();
    mkdirSync(join(root, 'out'));
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'out/templates'));
    expect(() => writeBundle(join(root, 'out'), { files: [{ path: 'templates/x.yaml', content: 'x' }], remove: [] })).toThrow(/leads outside/);
    expect(compose(join(root, 'out'), [{ path: 'templates/x.yaml', content: 'x' }], true)).toEqual([
      'templates: is not a folder, and the bundle needs one here (not even --force replaces it)',
    ]);
    expect(readdirSync(join(root, 'elsewhere'))).toEqual([]);
  });
});

describe('planBundleWrite and an earlier lock', () => {
  it('finishes a write cut short after some files moved in, without --force', () => {
    const dir = join(scratch(), 'out');
    expect(
      compose(dir, [
        { path: 'a', content: '1' },
        { path: 'b', content: '1' },
        { path: 'gone', content: '1' },
      ]),
    ).toEqual([]);
    // Cut short: the pending lock and `a` are new, `b` and `gone` still old, aisle.lock still the old one.
    const next = bundle([
      { path: 'a', content: '2' },
      { path: 'b', content: '2' },
    ]);
    writeFileSync(join(dir, PENDING_LOCK_FILE), next.find((f) => f.path === LOCK_FILE)!.content);
    writeFileSync(join(dir, 'a'), '2');
    expect(
      compose(dir, [
        { path: 'a', content: '2' },
        { path: 'b', content: '2' },
      ]),
    ).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['a', 'aisle.lock', 'b']);
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('2');
  });

  it('keeps a file a hostile lock lists outside the folder or through a link', () => {
    const root = scratch();
    const dir = join(root, 'out');
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere/victim'), 'v');
    writeFileSync(join(root, 'victim'), 'v');
    expect(compose(dir, [{ path: 'a', content: '1' }])).toEqual([]);
    symlinkSync(join(root, 'elsewhere'), join(dir, 'link'));
    const digest = renderLock(app, 'compose', () => undefined, [{ path: 'x', content: 'v' }]).content.match(/sha256:[0-9a-f]{64}/)![0];
    const lock = readFileSync(join(dir, LOCK_FILE), 'utf8').replace(
      /files:\n/,
      `files:\n  ../victim: ${digest}\n  link/victim: ${digest}\n  "/etc/passwd": ${digest}\n`,
    );
    writeFileSync(join(dir, LOCK_FILE), lock);
    expect(readPreviousBundle(dir).locked.has('../victim')).toBe(false);
    expect(compose(dir, [{ path: 'b', content: '1' }], true)).toEqual([]);
    expect(readFileSync(join(root, 'victim'), 'utf8')).toBe('v');
    expect(readFileSync(join(root, 'elsewhere/victim'), 'utf8')).toBe('v');
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it('replaces a file with --force only at a path the bundle writes, and never removes a file no lock lists', () => {
    const dir = join(scratch(), 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a'), 'mine');
    writeFileSync(join(dir, 'other'), 'mine');
    expect(compose(dir, [{ path: 'a', content: '1' }])).toEqual(['a: aisle did not write it']);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('mine');
    expect(compose(dir, [{ path: 'a', content: '1' }], true)).toEqual([]);
    expect(compose(dir, [{ path: 'b', content: '1' }], true)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['aisle.lock', 'b', 'other']);
  });

  it("treats an aisle.lock it cannot read as the user's file", () => {
    const dir = join(scratch(), 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), 'my notes\n');
    expect(compose(dir, [{ path: 'a', content: '1' }])).toEqual(['aisle.lock: is not a lock aisle wrote']);
    renameSync(join(dir, LOCK_FILE), join(dir, 'notes'));
    expect(compose(dir, [{ path: 'a', content: '1' }])).toEqual([]);
  });
});
