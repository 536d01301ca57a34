import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CERTIFICATION_FILE, loadCatalog, MANIFEST_FILE } from '../catalog/index.js';
import { serializeCertification } from './certification-record.js';
import { createCatalogVerifier } from './create-catalog-verifier.js';
import { LINT_RULES } from './lint-rules.js';
import { signCertification } from './sign-certification.js';
import { createTrustStore } from './trust-store.js';

const shipped = join(__dirname, '../../catalog/redis/8.2.0', MANIFEST_FILE);
const key = generateKeyPairSync('ed25519');
const verify = createCatalogVerifier(createTrustStore([{ name: 'throwaway', publicKey: key.publicKey }]));

/** A one-component catalog in a temp folder, certified with a throwaway key. */
function certifiedCopy(): { root: string; manifest: string } {
  const root = mkdtempSync(join(tmpdir(), 'aisle-certified-'));
  const folder = join(root, 'redis', '8.2.0');
  cpSync(shipped, join(folder, MANIFEST_FILE));
  const loaded = loadCatalog(root).index.get('redis', '8.2.0')!;
  const record = signCertification({ component: 'redis', version: '8.2.0', digest: loaded.digest, checks: LINT_RULES, privateKey: key.privateKey });
  writeFileSync(join(folder, CERTIFICATION_FILE), serializeCertification(record));
  return { root, manifest: join(folder, MANIFEST_FILE) };
}

describe('loading a certified catalog', () => {
  it('loads a certified copy as certified', () => {
    const { root } = certifiedCopy();
    const { index, diagnostics } = loadCatalog(root, { verify });
    expect(diagnostics).toEqual([]);
    expect(index.get('redis', '8.2.0')!.certification).toMatchObject({ level: 'certified', verified: true, certifier: 'throwaway', checks: LINT_RULES });
  });

  it('a manifest with one byte flipped after certification loads as uncertified, with a warning saying why', () => {
    const { root, manifest } = certifiedCopy();
    const bytes = readFileSync(manifest);
    const at = bytes.indexOf('in-memory data store');
    expect(at).toBeGreaterThan(0);
    bytes[at + 4]! ^= 0x01; // "memory" → "mdmory": still valid YAML, a different manifest
    writeFileSync(manifest, bytes);
    const { index, diagnostics } = loadCatalog(root, { verify, relativeTo: root });
    const v = index.get('redis', '8.2.0')!;
    expect(v.manifest.metadata.description).toContain('in-mdmory');
    expect(v.certification).toMatchObject({ level: 'uncertified', verified: false });
    expect(v.certification.reason).toMatch(
      /^the manifest changed after certification: its digest is sha256:[0-9a-f]{64}, the record certifies sha256:[0-9a-f]{64}$/,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'CERTIFICATION_INVALID',
        file: 'redis/8.2.0/component.yaml',
        message: expect.stringContaining('redis@8.2.0 loads as uncertified: the manifest changed'),
      }),
    ]);
  });

  it('a truncated record loads as uncertified and the rest of the catalog still loads', () => {
    const { root } = certifiedCopy();
    const recordFile = join(root, 'redis', '8.2.0', CERTIFICATION_FILE);
    writeFileSync(recordFile, readFileSync(recordFile, 'utf8').slice(0, 50));
    const { index } = loadCatalog(root, { verify });
    expect(index.get('redis', '8.2.0')!.certification.reason).toMatch(/not valid JSON/);
  });
});
