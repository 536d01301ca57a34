import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aisle, snapshot } from '../bundles/cli-in-process.js';
import { toyCatalog } from '../day-two/toy-catalog.js';

const BIN = join(__dirname, '../../bin/aisle.js');
// 50 runs (the issue asks for at least 50) of the real binary, each killed; recovery and the finishing upgrade run in this process.
const KILLS = 50;
const SEED = 20261102;

/** A small deterministic generator (mulberry32): the same kill points on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APP = (range: string) => `apiVersion: aisle.dev/v1
kind: App
metadata: { name: toys }
instances:
${['a', 'b', 'c'].map((name) => `  ${name}:\n    component: toy@${range}\n    inputs: { maxConn: ${name === 'a' ? 7 : 9}, mode: fast }\n`).join('')}`;

const bundleOf = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).filter(([path]) => !path.startsWith('.aisle/')));

describe('an upgrade killed at any file-system step leaves the old bundle or the new one (issue 11)', () => {
  it(`${KILLS} kills at seeded points (SIGKILL inside the writer, AISLE_FAULT_AT=k)`, { timeout: 1_800_000 }, async () => {
    const catalog = toyCatalog(['1.0.0', '1.1.0']);
    const base = mkdtempSync(join(tmpdir(), 'aisle-kill-'));
    writeFileSync(join(base, 'pinned.yaml'), APP('1.0.0'));
    writeFileSync(join(base, 'app.yaml'), APP('^1'));
    expect((await aisle(['compose', 'pinned.yaml', '--target', 'kubernetes', '--catalog', catalog, '--out', 'old'], base)).code).toBe(0);
    const old = bundleOf(join(base, 'old'));
    // The new bundle, from an upgrade nobody interrupted.
    cpSync(join(base, 'old'), join(base, 'ref'), { recursive: true });
    const upgrade = (dir: string, env: Record<string, string> = {}) =>
      spawnSync('node', [BIN, 'upgrade', dir, '--app', 'app.yaml', '--catalog', catalog], { cwd: base, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(upgrade('ref').status).toBe(0);
    const next = bundleOf(join(base, 'ref'));
    expect(next).not.toEqual(old);

    const rand = random(SEED);
    const seen = { old: 0, new: 0, committed: 0 };
    for (let n = 0; n < KILLS; n++) {
      const k = 1 + Math.floor(rand() * 120);
      const dir = `run-${n}`;
      cpSync(join(base, 'old'), join(base, dir), { recursive: true });
      const r = upgrade(dir, { AISLE_FAULT_AT: String(k) });
      const folder = join(base, dir);
      const committed = existsSync(join(folder, '.aisle/switch'));
      if (r.signal === 'SIGKILL' && !committed) {
        // Before the switch commits, the bundle is exactly the old one.
        expect(bundleOf(folder), `killed at step ${k}`).toEqual(old);
      }
      if (r.signal !== 'SIGKILL') expect(r.status, `step ${k}: ${r.stderr}`).toBe(0);
      // The next day-two command finishes or discards what was left.
      expect((await aisle(['history', dir], base)).code).toBe(0);
      const after = bundleOf(folder);
      const isOld = JSON.stringify(after) === JSON.stringify(old);
      const isNew = JSON.stringify(after) === JSON.stringify(next);
      expect(isOld || isNew, `killed at step ${k}: neither the old bundle nor the new one`).toBe(true);
      if (committed) expect(isNew, `killed at step ${k} after the commit`).toBe(true);
      // The bookkeeping is whole: no staging left, and a kept revision exactly when the bundle is the new one.
      const aisleDir = join(folder, '.aisle');
      expect(existsSync(aisleDir) ? readdirSync(aisleDir).filter((e) => e !== 'revisions') : []).toEqual([]);
      if (isNew) expect(snapshotOf(join(aisleDir, 'revisions/1/files'))).toEqual(old);
      else expect(existsSync(join(aisleDir, 'revisions'))).toBe(existsSync(join(aisleDir, 'revisions/1')));
      // And it upgrades (again, or at last) to the same new bundle.
      // In this process: only the killed run needs a process of its own.
      const finish = await aisle(['upgrade', dir, '--app', 'app.yaml', '--catalog', catalog], base);
      expect(finish.code, `after step ${k}: ${finish.err}`).toBe(0);
      expect(bundleOf(folder)).toEqual(next);
      seen[committed ? 'committed' : isOld ? 'old' : 'new'] += 1;
    }
    // The seeded points reach both sides of the commit.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.committed).toBeGreaterThan(0);
  });
});

function snapshotOf(dir: string): Record<string, string> {
  return snapshot(dir);
}
