import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNCERTIFIED } from '../catalog/index.js';
import { parseCertificationRecord, serializeCertification, type CertificationRecord } from './certification-record.js';
import { createCatalogVerifier } from './create-catalog-verifier.js';
import { keyId } from './key-id.js';
import { signCertification } from './sign-certification.js';
import { createTrustStore, loadTrustStore } from './trust-store.js';
import { verifyCertification } from './verify-certification.js';

// Throwaway keys: these tests never need ../shared.
const certifier = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const store = createTrustStore([{ name: 'test-certifier', publicKey: certifier.publicKey }]);
const version = { name: 'redis', version: '8.2.0', digest: `sha256:${'a'.repeat(64)}` };
const CHECKS = ['pinned-tag', 'health-check'];

function record(privateKey: KeyObject = certifier.privateKey, over: Partial<typeof version> = {}): CertificationRecord {
  const v = { ...version, ...over };
  return signCertification({ component: v.name, version: v.version, digest: v.digest, checks: CHECKS, privateKey, issuedAt: new Date('2026-11-26T12:00:00Z') });
}
const text = (r: CertificationRecord) => serializeCertification(r);
const reasonFor = (t: string) => verifyCertification(t, version, store).reason;

describe('signCertification / verifyCertification', () => {
  it('signs a record that verifies against the trust store', () => {
    const r = record();
    expect(r).toMatchObject({
      component: 'redis',
      version: '8.2.0',
      digest: version.digest,
      level: 'certified',
      issuedAt: '2026-11-26T12:00:00.000Z',
      checks: CHECKS,
    });
    expect(verifyCertification(text(r), version, store)).toEqual({
      level: 'certified',
      verified: true,
      certifier: 'test-certifier',
      issuedAt: '2026-11-26T12:00:00.000Z',
      checks: CHECKS,
    });
  });

  it('names the key by sha256 of its SPKI DER, the same from either half', () => {
    const der = certifier.publicKey.export({ type: 'spki', format: 'der' });
    const expected = `sha256:${createHash('sha256').update(der).digest('hex')}`;
    expect(keyId(certifier.publicKey)).toBe(expected);
    expect(keyId(certifier.privateKey)).toBe(expected);
    expect(record().keyId).toBe(expected);
  });

  it('refuses to sign with a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => record(rsa.privateKey)).toThrow(/Ed25519/);
  });

  it.each<[string, () => string, RegExp]>([
    ['not JSON', () => 'certified, trust me', /not valid JSON/],
    ['truncated', () => text(record()).slice(0, 120), /not valid JSON \(truncated/],
    ['empty', () => '', /not valid JSON/],
    ['a list', () => '[]', /not a JSON object/],
    ['missing the signature', () => JSON.stringify({ ...record(), signature: undefined }), /lacks signature/],
    ['carrying an unknown field', () => JSON.stringify({ ...record(), trusted: true }), /unknown field\(s\): trusted/],
    ['of another level', () => JSON.stringify({ ...record(), level: 'gold' }), /level "gold"/],
    ['with checks that are not names', () => JSON.stringify({ ...record(), checks: [1] }), /checks is not a list/],
    ['with a malformed digest', () => JSON.stringify({ ...record(), digest: 'md5:00' }), /digest is not a sha256/],
    ['with a bad time', () => JSON.stringify({ ...record(), issuedAt: 'yesterday' }), /issuedAt/],
    ['with a signature that is not base64', () => JSON.stringify({ ...record(), signature: '***' }), /signature is not base64/],
    ['for another component', () => text(record(certifier.privateKey, { name: 'valkey' })), /certifies valkey@8.2.0, not redis@8.2.0/],
    ['signed by an unknown key', () => text(record(stranger.privateKey)), /signed by key sha256:[0-9a-f]{64}, which is not in the trust store/],
    [
      'for another digest',
      () => text(record(certifier.privateKey, { digest: `sha256:${'b'.repeat(64)}` })),
      /manifest changed after certification: its digest is sha256:a+, the record certifies sha256:b+/,
    ],
    ['altered after signing', () => text({ ...record(), issuedAt: '2030-01-01T00:00:00.000Z' }), /signature does not verify with key test-certifier/],
    [
      'with a flipped signature byte',
      () => {
        const r = record();
        const sig = Buffer.from(r.signature, 'base64');
        sig[0]! ^= 1;
        return text({ ...r, signature: sig.toString('base64') });
      },
      /signature does not verify/,
    ],
    ['with a signature of the wrong length', () => text({ ...record(), signature: 'AAAA' }), /signature does not verify/],
  ])('a record %s loads as uncertified with a reason', (_, make, reason) => {
    const status = verifyCertification(make(), version, store);
    expect(status).toMatchObject({ level: 'uncertified', verified: false });
    expect(status.reason).toMatch(reason);
  });

  it('an altered digest field fails the signature before it can claim another manifest', () => {
    expect(reasonFor(text({ ...record(), digest: `sha256:${'c'.repeat(64)}` }))).toMatch(/signature does not verify/);
  });

  it('serializes in the documented field order and parses back', () => {
    const r = record();
    const t = text(r);
    expect(Object.keys(JSON.parse(t))).toEqual(['component', 'version', 'digest', 'level', 'keyId', 'issuedAt', 'checks', 'signature']);
    expect(t.endsWith('}\n')).toBe(true);
    expect(parseCertificationRecord(t).record).toEqual(r);
  });
});

describe('trust store and catalog verifier', () => {
  it('loads Ed25519 public keys from PEM files and reports anything else without echoing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-trust-'));
    writeFileSync(join(dir, 'test-certifier.pub.pem'), certifier.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'rsa.pub.pem'), generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'garbage.pem'), 'TOP SECRET NOT A KEY');
    writeFileSync(join(dir, 'README.md'), 'ignored: not a .pem file');
    const loaded = loadTrustStore(dir);
    expect([...loaded.keys.values()].map((k) => [k.name, k.keyId])).toEqual([['test-certifier', keyId(certifier.publicKey)]]);
    expect(loaded.diagnostics.map((d) => [d.file, d.message])).toEqual([
      [join(dir, 'garbage.pem'), 'is not a PEM public key'],
      [join(dir, 'rsa.pub.pem'), 'is a rsa key; the trust store holds Ed25519 public keys'],
    ]);
    expect(JSON.stringify(loaded.diagnostics)).not.toContain('TOP SECRET');
    expect(verifyCertification(text(record()), version, loaded).verified).toBe(true);
  });

  it('a missing trust folder is an empty store: nothing verifies, nothing throws', () => {
    const loaded = loadTrustStore('/nonexistent/trust');
    expect(loaded.keys.size).toBe(0);
    expect(loaded.diagnostics[0]?.message).toMatch(/does not exist/);
    expect(verifyCertification(text(record()), version, loaded).reason).toMatch(/not in the trust store/);
  });

  it('the catalog verifier treats a missing record as uncertified and checks a present one', () => {
    const verify = createCatalogVerifier(store);
    expect(verify(version, undefined)).toEqual(UNCERTIFIED);
    expect(verify(version, text(record())).verified).toBe(true);
    expect(verify(version, '{').level).toBe('uncertified');
  });
});
