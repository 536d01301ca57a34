import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../apps/cli/src/main.js';
import { CERTIFICATION_FILE, loadCatalog } from '../libs/catalog/index.js';
import { createCatalogVerifier, keyId, LINT_RULES, loadTrustStore, MAX_REQUIRED_INPUTS } from '../libs/certify/index.js';
import { createPublicKey } from 'node:crypto';

// The shipped catalog, as a user gets it: certified by the library key in trust/.
// Reads only the repository (no ../shared), so it runs on any clone.
const root = join(__dirname, '..');
const trust = loadTrustStore(join(root, 'trust'));
const libraryKey = keyId(createPublicKey(readFileSync(join(root, 'trust/library-certifier.pub.pem'), 'utf8')));
const { index, diagnostics } = loadCatalog(join(root, 'catalog'), { verify: createCatalogVerifier(trust), relativeTo: root });
const versions = index.names().flatMap((n) => [...index.versions(n)]);

function io() {
  const out: string[] = [];
  return { out, io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), cwd: root, env: {} } };
}

describe('the shipped catalog', () => {
  it('loads without a single problem', () => {
    expect(diagnostics).toEqual([]);
  });

  it('holds at least 40 components on at least 12 aisles, two of them with two version lines', () => {
    expect(index.names().length).toBeGreaterThanOrEqual(40);
    expect(index.aisles().length).toBeGreaterThanOrEqual(12);
    expect(index.names().filter((n) => index.versions(n).length >= 2).length).toBeGreaterThanOrEqual(2);
    for (const aisle of ['database', 'cache', 'queue', 'web', 'storage', 'identity', 'observability', 'monitoring', 'secrets', 'workflow', 'search', 'vector'])
      expect(index.aisles().map((a) => a.name)).toContain(aisle);
    expect(index.resolve('postgresql@^16').version?.version).toMatch(/^16\./);
    expect(index.resolve('postgresql@^17').version?.version).toMatch(/^17\./);
  });

  it.each(versions.map((v) => [`${v.name}@${v.version}`, v] as const))('%s requires at most five inputs and is certified by the library key', (_, v) => {
    expect((v.manifest.spec.inputs.required ?? []).length).toBeLessThanOrEqual(MAX_REQUIRED_INPUTS);
    // A deprecated version is immutable, so its record lists the checks of its day; a live
    // one has passed every rule there is now.
    const checks = v.deprecated ? expect.arrayContaining([]) : LINT_RULES;
    expect(v.certification).toEqual(expect.objectContaining({ level: 'certified', verified: true, certifier: 'library-certifier', checks }));
    if (v.deprecated) expect(LINT_RULES).toEqual(expect.arrayContaining(v.certification.checks ?? ['none']));
    const record = JSON.parse(readFileSync(join(root, v.source, '..', CERTIFICATION_FILE), 'utf8'));
    expect(record.keyId).toBe(libraryKey);
    expect(existsSync(join(root, v.source, '..', 'NOTES.md'))).toBe(true);
  });

  it.each(versions.filter((v) => v.deprecated).map((v) => [`${v.name}@${v.version}`, v] as const))(
    '%s is deprecated in favour of a live fix its range resolves to',
    (_, v) => {
      const fix = /use (\d+\.\d+\.\d+)$/.exec(v.deprecated!)?.[1];
      expect(fix, v.deprecated).toBeDefined();
      expect(index.get(v.name, fix!)?.deprecated).toBeUndefined();
      expect(index.resolve(`${v.name}@^${v.version}`).version?.version).toBe(fix);
      expect(index.resolve(`${v.name}@${v.version}`).version?.version).toBe(v.version);
    },
  );

  it('aisle lint and aisle verify exit 0 on it', async () => {
    const lint = io();
    expect(await run(['lint'], lint.io), lint.out.join('')).toBe(0);
    expect(lint.out.join('')).toContain('0 error(s), 0 warning(s)');
    const deprecated = versions.filter((v) => v.deprecated).length;
    expect(lint.out.join('')).toContain(`(${deprecated} deprecated, held only to the cross-version rules)`);
    const verify = io();
    expect(await run(['verify'], verify.io), verify.out.join('')).toBe(0);
    // Kits are certified as components are, and verify counts them with the versions.
    const total = versions.length + index.kitNames().flatMap((n) => [...index.kitVersions(n)]).length;
    expect(verify.out.join('')).toContain(`${total} of ${total} version(s) certified by a trusted key`);
    expect(verify.out.join('')).not.toContain('warning');
  });

  it('keeps private keys out of the repository: trust/ holds public keys only', () => {
    const files = readdirSync(join(root, 'trust'));
    expect(files).toContain('library-certifier.pub.pem');
    for (const f of files) expect(readFileSync(join(root, 'trust', f), 'utf8')).not.toContain('PRIVATE KEY');
    for (const v of versions) expect(readFileSync(join(root, v.source, '..', CERTIFICATION_FILE), 'utf8')).not.toContain('PRIVATE KEY');
  });
});
