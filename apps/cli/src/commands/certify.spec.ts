import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { keyId, serializeCertification, signCertification } from '../../../../libs/certify/index.js';
import { run } from '../main.js';

const root = join(__dirname, '../../../..');
const fixtures = join(root, 'libs/certify/testdata');

function io(cwd: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd, env }, out, err, text: () => out.join('') + err.join('') };
}

/** A temp workspace: a catalog with one shipped component copied in, a throwaway key pair, a trust folder. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-cli-certify-'));
  // redis 8.2.1 predates the pattern-message rule (issue 9): the copy says what each pattern asks for, as its successors do.
  const redis = parse(readFileSync(join(root, 'catalog/redis/8.2.1/component.yaml'), 'utf8'));
  for (const input of Object.values(redis.spec.inputs.properties) as Array<Record<string, unknown>>)
    if (typeof input.pattern === 'string') input['x-aisle-pattern-message'] ??= 'a value in the documented form';
  mkdirSync(join(dir, 'catalog/redis/8.2.1'), { recursive: true });
  writeFileSync(join(dir, 'catalog/redis/8.2.1/component.yaml'), stringify(redis));
  const key = generateKeyPairSync('ed25519');
  writeFileSync(join(dir, 'certifier.key.pem'), key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  mkdirSync(join(dir, 'trust'));
  writeFileSync(join(dir, 'trust/certifier.pub.pem'), key.publicKey.export({ type: 'spki', format: 'pem' }));
  return { dir, key, env: { AISLE_TRUST_DIR: join(dir, 'trust') } };
}

function putFixture(dir: string, fixture: string, name = 'sample', version = '1.0.0') {
  const target = join(dir, 'catalog', name, version, 'component.yaml');
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(join(fixtures, fixture), target);
  return join('catalog', name, version);
}

describe('aisle certify / verify / lint', () => {
  it('certifies a passing version, and verify accepts it', async () => {
    const w = workspace();
    const c = io(w.dir, w.env);
    expect(await run(['certify', 'catalog/redis/8.2.1', '--key', 'certifier.key.pem'], c.io)).toBe(0);
    expect(c.text()).toContain(`with key ${keyId(w.key.publicKey)}`);
    const record = JSON.parse(readFileSync(join(w.dir, 'catalog/redis/8.2.1/certification.json'), 'utf8'));
    expect(record).toMatchObject({ component: 'redis', version: '8.2.1', level: 'certified', keyId: keyId(w.key.publicKey) });
    expect(readdirSync(join(w.dir, 'catalog/redis/8.2.1')).sort()).toEqual(['certification.json', 'component.yaml']);
    const v = io(w.dir, w.env);
    expect(await run(['verify', 'catalog'], v.io)).toBe(0);
    expect(v.text()).toContain('1 of 1 version(s) certified by a trusted key');
  });

  it('refuses to certify a version that fails a rule: exit 1, the rule and path printed, nothing written', async () => {
    const w = workspace();
    const folder = putFixture(w.dir, 'rules/no-secret-in-command.component.yaml');
    const c = io(w.dir, w.env);
    expect(await run(['certify', folder, '--key', 'certifier.key.pem'], c.io)).toBe(1);
    expect(c.text()).toMatch(/catalog\/sample\/1\.0\.0\/component\.yaml:\d+:\d+: spec\.runtime\.command\.2: refers to the secret input "password"/);
    expect(c.text()).toContain('nothing written');
    expect(existsSync(join(w.dir, folder, 'certification.json'))).toBe(false);
  });

  it('refuses to certify a version that breaks the contract of an older one in the same major', async () => {
    const w = workspace();
    putFixture(w.dir, 'versions/sample/1.0.0.component.yaml', 'sample', '1.0.0');
    const folder = putFixture(w.dir, 'versions/sample/1.1.0.component.yaml', 'sample', '1.1.0');
    const c = io(w.dir, w.env);
    expect(await run(['certify', folder, '--key', 'certifier.key.pem', '--json'], c.io)).toBe(1);
    const rules = JSON.parse(c.out.join('')).diagnostics.map((d: { rule?: string }) => d.rule);
    expect(rules).toContain('input-contract-semver');
    expect(existsSync(join(w.dir, folder, 'certification.json'))).toBe(false);
  });

  it('rejects bad keys and bad usage without writing', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'rsa.pem'), generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(w.dir, 'junk.pem'), 'not a key at all');
    const cases: Array<[string[], number, RegExp]> = [
      [['certify', 'catalog/redis/8.2.1'], 2, /needs --key/],
      [['certify', 'catalog/redis/8.2.1', '--key', 'rsa.pem'], 1, /rsa\.pem: is a rsa key; certifications are signed with Ed25519/],
      [['certify', 'catalog/redis/8.2.1', '--key', 'junk.pem'], 1, /junk\.pem: is not a PEM private key/],
      [['certify', 'catalog/redis/8.2.1', '--key', 'missing.pem'], 1, /missing\.pem: cannot read the key: ENOENT/],
      [['certify', 'catalog/redis/8.2.1', '--key', 'certifier.key.pem', '--level', 'gold'], 2, /--level must be one of: certified/],
      [['certify', 'catalog', '--key', 'certifier.key.pem'], 2, /not a component version folder/],
    ];
    for (const [argv, code, message] of cases) {
      const c = io(w.dir, w.env);
      expect(await run(argv, c.io), argv.join(' ')).toBe(code);
      expect(c.text()).toMatch(message);
      expect(c.text()).not.toContain('not a key at all');
    }
    expect(existsSync(join(w.dir, 'catalog/redis/8.2.1/certification.json'))).toBe(false);
  });

  it('verify fails with the path when a manifest changed, a record is missing, or the key is unknown', async () => {
    const w = workspace();
    expect(await run(['certify', 'catalog/redis/8.2.1', '--key', 'certifier.key.pem'], io(w.dir, w.env).io)).toBe(0);
    const manifest = join(w.dir, 'catalog/redis/8.2.1/component.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('Redis 8', 'Redis 8 (edited)'));
    putFixture(w.dir, 'good.component.yaml');
    const c = io(w.dir, w.env);
    expect(await run(['verify', 'catalog'], c.io)).toBe(1);
    expect(c.text()).toContain('catalog/redis/8.2.1/certification.json: redis@8.2.1 is not certified: the manifest changed after certification');
    expect(c.text()).toContain('catalog/sample/1.0.0: sample@1.0.0 is not certified: no certification record');
    expect(c.text()).toContain('0 of 2 version(s) certified');
    const other = io(w.dir, { AISLE_TRUST_DIR: join(w.dir, 'nowhere') });
    expect(await run(['verify', 'catalog/redis'], other.io)).toBe(1);
    expect(other.text()).toMatch(/which is not in the trust store/);
  });

  it('verify accepts a record that predates a rule, with a warning naming the unchecked rules', async () => {
    const w = workspace();
    expect(await run(['certify', 'catalog/redis/8.2.1', '--key', 'certifier.key.pem'], io(w.dir, w.env).io)).toBe(0);
    const file = join(w.dir, 'catalog/redis/8.2.1/certification.json');
    const old = JSON.parse(readFileSync(file, 'utf8'));
    const record = signCertification({ component: 'redis', version: '8.2.1', digest: old.digest, checks: ['pinned-tag'], privateKey: w.key.privateKey });
    writeFileSync(file, serializeCertification(record));
    const c = io(w.dir, w.env);
    expect(await run(['verify', 'catalog'], c.io)).toBe(0);
    expect(c.text()).toMatch(
      /warning: catalog\/redis\/8\.2\.1\/certification\.json: redis@8\.2\.1 was certified before the rule\(s\) health-check, .*input-contract-semver, upgrade-migrations-declared existed/,
    );
  });

  it('lint reports each rule with file, line and path, and exits 0 on a clean folder', async () => {
    const w = workspace();
    putFixture(w.dir, 'rules/pinned-tag.component.yaml');
    const bad = io(w.dir, w.env);
    expect(await run(['lint', 'catalog', '--json'], bad.io)).toBe(1);
    const report = JSON.parse(bad.out.join(''));
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'LINT_RULE',
        rule: 'pinned-tag',
        path: 'spec.image.tag',
        file: 'catalog/sample/1.0.0/component.yaml',
        line: expect.any(Number),
      }),
    ]);
    expect(report.result.versions.map((v: { name: string; passed: boolean }) => [v.name, v.passed])).toEqual([
      ['redis', true],
      ['sample', false],
    ]);
    const good = io(w.dir, w.env);
    expect(await run(['lint', 'catalog/redis/8.2.1'], good.io)).toBe(0);
    expect(good.text()).toContain('linted 1 version(s) of 1 component(s)');
    expect(await run(['lint', 'no/such/dir'], io(w.dir).io)).toBe(2);
    // Without DIR, lint reads the catalog the other commands read.
    const viaEnv = io(root, { AISLE_CATALOG: join(w.dir, 'catalog') });
    expect(await run(['lint'], viaEnv.io)).toBe(1);
    expect(viaEnv.text()).toContain('linted 2 version(s) of 2 component(s)');
  });
});
