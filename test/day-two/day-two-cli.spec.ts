import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readComposeSecrets } from '../../libs/render/index.js';
import { aisle, snapshot } from '../bundles/cli-in-process.js';
import { DATA_NOTE, toyCatalog } from './toy-catalog.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-daytwo-'));

/** The bundle's own files, without the .aisle/ bookkeeping. */
const bundleFiles = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).filter(([path]) => !path.startsWith('.aisle/')));
const secretsOf = (dir: string) => readComposeSecrets(new Map([['.env', readFileSync(join(dir, '.env'), 'utf8')]]));

const TOY_APP = `apiVersion: aisle.dev/v1
kind: App
metadata: { name: toyapp }
instances:
  t:
    component: toy@^1
    inputs: { maxConn: 250, mode: fast, legacy: "on" }
`;

/** A bundle composed from the toy app pinned at 1.0.0, and its spec (with the ^1 range) beside it. */
async function toyBundle(): Promise<{ cwd: string; catalog: string }> {
  const cwd = scratch();
  const catalog = toyCatalog();
  writeFileSync(join(cwd, 'app.yaml'), TOY_APP);
  writeFileSync(join(cwd, 'pinned.yaml'), TOY_APP.replace('toy@^1', 'toy@1.0.0'));
  expect((await aisle(['compose', 'pinned.yaml', '--catalog', catalog, '--out', 'b'], cwd)).code).toBe(0);
  return { cwd, catalog };
}

// The shipped catalog is loaded and its certifications verified by each command: slow on a busy machine.
describe('day two on the shipped catalog: mysql 8.4.0 → the newest 8.4 patch (issue 11)', { timeout: 180_000 }, () => {
  it('outdated lists the newer patch and exits 1; upgrade --dry-run shows the diff and writes nothing', async () => {
    const cwd = scratch();
    expect((await aisle(['get', 'mysql@8.4.0', '--out', 'b'], cwd)).code).toBe(0);
    const before = snapshot(join(cwd, 'b'));
    const outdated = await aisle(['outdated', 'b'], cwd);
    expect(outdated.code).toBe(1);
    expect(outdated.out).toMatch(/^mysql +mysql +8\.4\.0 +8\.4\.11 +26\.7\.0/m);
    const json = await aisle(['outdated', 'b', '--json'], cwd);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).result.instances).toEqual([
      expect.objectContaining({ instance: 'mysql', current: '8.4.0', wanted: '8.4.11', latest: '26.7.0', outdated: true }),
    ]);
    const dry = await aisle(['upgrade', 'b', '--dry-run'], cwd);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('mysql: mysql 8.4.0 → 8.4.11');
    expect(dry.out).toContain('-      dev.aisle.version: 8.4.0\n+      dev.aisle.version: 8.4.11');
    const password = secretsOf(join(cwd, 'b')).mysql!.password!;
    expect(dry.out).not.toContain(password);
    expect(snapshot(join(cwd, 'b'))).toEqual(before);
  });

  it('upgrade keeps the secrets and the old bundle; rollback restores it byte for byte, and can itself be undone', async () => {
    const cwd = scratch();
    const dir = join(cwd, 'b');
    expect((await aisle(['get', 'mysql@8.4.0', '--out', 'b'], cwd)).code).toBe(0);
    writeFileSync(join(dir, 'MY-NOTES.md'), 'mine\n');
    const old = bundleFiles(dir);
    const secrets = secretsOf(dir);
    const up = await aisle(['upgrade', 'b'], cwd);
    expect(up.code, up.err).toBe(0);
    expect(up.out).toContain('kept as revision 1');
    const upgraded = bundleFiles(dir);
    expect(parse(upgraded['aisle.lock']!).instances.mysql.version).toBe('8.4.11');
    expect(secretsOf(dir)).toEqual(secrets);
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    // Within its major it is up to date; a newer major is still listed (exit 1).
    expect(JSON.parse((await aisle(['outdated', 'b', '--json'], cwd)).out).result.instances[0]).toMatchObject({ current: '8.4.11', wanted: '8.4.11' });
    expect((await aisle(['upgrade', 'b'], cwd)).out).toContain('up to date');

    const history = await aisle(['history', 'b', '--json'], cwd);
    expect(JSON.parse(history.out).result).toMatchObject({
      revisions: [{ revision: 1, instances: { mysql: 'mysql@8.4.0' } }],
      current: { instances: { mysql: 'mysql@8.4.11' } },
    });
    const back = await aisle(['rollback', 'b'], cwd);
    expect(back.code, back.err).toBe(0);
    expect(bundleFiles(dir)).toEqual(old);
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(secretsOf(dir)).toEqual(secrets);
    const again = await aisle(['rollback', 'b', '--to', '2'], cwd);
    expect(again.code, again.err).toBe(0);
    expect(bundleFiles(dir)).toEqual(upgraded);
    expect(JSON.parse((await aisle(['history', 'b', '--json'], cwd)).out).result.revisions.map((r: { replacedBy: string }) => r.replacedBy)).toEqual([
      'upgrade: mysql 8.4.0→8.4.11',
      'rollback to 1',
      'rollback to 2',
    ]);
  });

  for (const target of ['kubernetes', 'helm'] as const) {
    it(`upgrades a ${target} bundle in place: same object names, .aisle/ left out of the bundle`, async () => {
      const cwd = scratch();
      expect((await aisle(['get', 'redis@8.2.0', '--target', target, '--out', 'b'], cwd)).code).toBe(0);
      const old = bundleFiles(join(cwd, 'b'));
      const dry = await aisle(['upgrade', 'b', '--dry-run'], cwd);
      // The file holding the secrets changes (its labels name the version): said, never shown.
      expect(dry.out).toMatch(/^changed (templates\/redis\/secret\.yaml|redis\/secret\.yaml|values\.yaml) \(holds secrets: not shown\)$/m);
      const up = await aisle(['upgrade', 'b'], cwd);
      expect(up.code, up.err).toBe(0);
      const upgraded = bundleFiles(join(cwd, 'b'));
      expect(Object.keys(upgraded)).toEqual(Object.keys(old));
      if (target === 'helm') {
        expect(upgraded['.helmignore']).toContain('.aisle/');
        expect(parse(old['Chart.yaml']!).version).toBe('0.1.0');
        expect(parse(upgraded['Chart.yaml']!).version).toBe('0.1.1');
        // Nothing newer: the chart stays as installed.
        expect((await aisle(['upgrade', 'b'], cwd)).out).toContain('up to date');
      } else expect(upgraded['kustomization.yaml']).not.toContain('.aisle');
      expect((await aisle(['rollback', 'b'], cwd)).code).toBe(0);
      expect(bundleFiles(join(cwd, 'b'))).toEqual(old);
    });
  }
});

describe('a PostgreSQL major on the shipped catalog (17 → 18)', { timeout: 180_000 }, () => {
  it('is refused with the data note, and nothing written; --data-step-done goes ahead', async () => {
    const cwd = scratch();
    expect((await aisle(['get', 'postgresql@17.11.0', '--out', 'b'], cwd)).code).toBe(0);
    const before = snapshot(join(cwd, 'b'));
    const outdated = JSON.parse((await aisle(['outdated', 'b', '--json'], cwd)).out).result.instances[0];
    expect(outdated).toMatchObject({ current: '17.11.0', wanted: '17.11.0', latest: '18.6.0', toLatest: 'data' });
    const refused = await aisle(['upgrade', 'b', '--to', '^18'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^error: postgresql\.component: moving postgresql from 17\.11\.0 to 18\.6\.0 needs work on the data first: PostgreSQL 18 cannot read the data of 17/m,
    );
    expect(refused.err).toContain('--data-step-done');
    expect(snapshot(join(cwd, 'b'))).toEqual(before);
    const done = await aisle(['upgrade', 'b', '--to', '^18', '--data-step-done'], cwd);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('data note: PostgreSQL 18 cannot read the data of 17');
    expect(parse(readFileSync(join(cwd, 'b/aisle.lock'), 'utf8')).instances.postgresql.version).toBe('18.6.0');
  });
});

describe('input migrations and data notes (a test catalog: toy 1.0.0, 1.1.0, 2.0.0)', () => {
  it('migrates renamed inputs and mapped enum values, within the spec range', async () => {
    const { cwd, catalog } = await toyBundle();
    const outdated = await aisle(['outdated', 'b', '--app', 'app.yaml', '--catalog', catalog, '--json'], cwd);
    expect(JSON.parse(outdated.out).result.instances[0]).toMatchObject({
      current: '1.0.0',
      wanted: '1.1.0',
      latest: '2.0.0',
      toWanted: 'migration',
      toLatest: 'unsupported',
    });
    const up = await aisle(['upgrade', 'b', '--app', 'app.yaml', '--catalog', catalog], cwd);
    expect(up.code, up.err).toBe(0);
    expect(up.out).toContain('input migration: renamed maxConn to maxConnections');
    expect(parse(readFileSync(join(cwd, 'b/aisle.lock'), 'utf8')).instances.t.inputs).toMatchObject({ maxConnections: 250, mode: 'quick', legacy: 'on' });
  });

  it('refuses a major that needs a data step, printing the note, and one that would lose a value the user set', async () => {
    const { cwd, catalog } = await toyBundle();
    expect((await aisle(['upgrade', 'b', '--catalog', catalog, '--to', '1.1.0'], cwd)).code).toBe(0);
    const before = snapshot(join(cwd, 'b'));
    const refused = await aisle(['upgrade', 'b', '--catalog', catalog, '--to', '^2'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`error: t.component: moving t from 1.1.0 to 2.0.0 needs work on the data first: ${DATA_NOTE}`);
    expect(refused.err).toContain('error: t.inputs.legacy: the value set for legacy would be lost');
    expect(snapshot(join(cwd, 'b'))).toEqual(before);
    const stillLost = await aisle(['upgrade', 'b', '--catalog', catalog, '--to', '^2', '--data-step-done'], cwd);
    expect(stillLost.code).toBe(1);
    expect(snapshot(join(cwd, 'b'))).toEqual(before);
    const done = await aisle(['upgrade', 'b', '--catalog', catalog, '--to', '^2', '--data-step-done', '--force'], cwd);
    expect(done.code, done.err).toBe(0);
    expect(parse(readFileSync(join(cwd, 'b/aisle.lock'), 'utf8')).instances.t.inputs).toMatchObject({ maxConnections: 250, mode: 'quick', zone: 'zone-quick' });
  });

  it('does not skip a version the upgrade does not come from', async () => {
    const { cwd, catalog } = await toyBundle();
    const r = await aisle(['upgrade', 'b', '--catalog', catalog, '--to', '2.0.0', '--data-step-done', '--force'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('2.0.0 supports an in-place upgrade only from ^1.1.0');
  });

  it('--to with --app moves the range in the app spec, keeping its comments', async () => {
    const { cwd, catalog } = await toyBundle();
    writeFileSync(join(cwd, 'app.yaml'), `# mine\n${TOY_APP}`);
    const r = await aisle(['upgrade', 'b', '--app', 'app.yaml', '--catalog', catalog, '--to', '~1.1'], cwd);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(cwd, 'app.yaml'), 'utf8')).toMatch(/^# mine\n[\s\S]*component: toy@~1\.1\n/);
  });
});

describe('bad input: a clear error naming the instance, and nothing written', { timeout: 180_000 }, () => {
  it('a lock that does not parse, or names a version the catalog lacks, or a digest edited by hand', async () => {
    const { cwd, catalog } = await toyBundle();
    const lockFile = join(cwd, 'b/aisle.lock');
    const lock = readFileSync(lockFile, 'utf8');
    const cases: Array<[string, string]> = [
      [lock.replace('kind: Lock', 'kind: [Lock'), 'YAML_SYNTAX'],
      [lock.replace('version: 1.0.0', 'version: 1.0.9'), 'LOCK_MISMATCH'],
      [lock.replace('component: toy', 'component: toi'), 'LOCK_MISMATCH'],
      [lock.replace(/digest: sha256:[0-9a-f]{4}/, 'digest: sha256:0000'), 'LOCK_MISMATCH'],
    ];
    for (const [text, code] of cases) {
      writeFileSync(lockFile, text);
      const before = snapshot(join(cwd, 'b'));
      for (const command of ['outdated', 'upgrade']) {
        const r = await aisle([command, 'b', '--catalog', catalog, '--json'], cwd);
        expect(r.code).toBe(1);
        const diagnostics = JSON.parse(r.out).diagnostics as Array<{ code: string; path: string; message: string }>;
        expect(diagnostics[0]?.code).toBe(code);
        if (code === 'LOCK_MISMATCH') expect(diagnostics[0]!.path).toMatch(/^t\./);
      }
      expect(snapshot(join(cwd, 'b'))).toEqual(before);
    }
  });

  it('a --to that matches nothing lists the versions that exist; an unknown instance is a usage error', async () => {
    const { cwd, catalog } = await toyBundle();
    const r = await aisle(['upgrade', 'b', '--catalog', catalog, '--to', '^7'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('available: 2.0.0, 1.1.0, 1.0.0');
    expect((await aisle(['upgrade', 'b', '--catalog', catalog, '--instance', 'nope'], cwd)).code).toBe(2);
  });

  it('a folder without a lock; a bundle file changed since aisle wrote it', async () => {
    const { cwd, catalog } = await toyBundle();
    expect((await aisle(['outdated', '.', '--catalog', catalog], cwd)).err).toContain('has no aisle.lock');
    writeFileSync(join(cwd, 'b/compose.yaml'), 'mine\n');
    const r = await aisle(['upgrade', 'b', '--catalog', catalog, '--app', 'app.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('compose.yaml: changed since aisle wrote it');
    expect(readFileSync(join(cwd, 'b/compose.yaml'), 'utf8')).toBe('mine\n');
  });

  it('a bundle the lock alone cannot reproduce (wiring, env) asks for the app spec', async () => {
    const cwd = scratch();
    const spec = join(__dirname, '../../examples/web-app.yaml');
    cpSync(spec, join(cwd, 'app.yaml'));
    expect((await aisle(['compose', 'app.yaml', '--out', 'b'], cwd)).code).toBe(0);
    const r = await aisle(['upgrade', 'b', '--dry-run', '--json'], cwd);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).diagnostics[0]).toMatchObject({ code: 'UPGRADE_NEEDS_APP', path: 'aisle.lock' });
    expect((await aisle(['upgrade', 'b', '--dry-run', '--app', 'app.yaml'], cwd)).code).toBe(0);
  });

  it('rollback without revisions, or to one that is not kept', async () => {
    const { cwd, catalog } = await toyBundle();
    expect(JSON.parse((await aisle(['rollback', 'b', '--json', '--catalog', catalog], cwd)).out).diagnostics[0].code).toBe('REVISION_NOT_FOUND');
    expect((await aisle(['rollback', 'b', '--to', '9'], cwd)).err).toContain('keeps no revisions');
    expect(existsSync(join(cwd, 'b/.aisle'))).toBe(false);
  });
});
