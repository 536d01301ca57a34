import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { serializeCertification, signCertification } from '../../../libs/certify/index.js';
import { manifestDigest, type ComponentManifest } from '../../../libs/manifest/index.js';
import { ROOT } from './test-server.js';

// Fixture folders made in this test file, until removeFixtures.
const made = new Set<string>();

/** Removes every fixture folder made so far (a test file's afterAll). */
export function removeFixtures(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/** A catalog folder and trust store made for one test run from shipped manifests. */
export interface FixtureCatalog {
  catalogDir: string;
  trustDir: string;
  /** The certifier's private key, to sign records as `aisle certify` does. */
  privateKey: KeyObject;
}

/** A shipped manifest, as a value to derive test manifests from. */
export function shippedManifest(name: string, version: string): ComponentManifest {
  return parse(readFileSync(join(ROOT, 'catalog', name, version, 'component.yaml'), 'utf8')) as ComponentManifest;
}

/** A manifest derived from a shipped one with another name, version or aisle. */
export function derivedManifest(
  from: ComponentManifest,
  changes: { name?: string; version?: string; aisle?: string; description?: string },
): ComponentManifest {
  const m = structuredClone(from);
  if (changes.name) m.metadata.name = changes.name;
  if (changes.version) m.metadata.version = changes.version;
  if (changes.aisle) m.metadata.aisle = changes.aisle;
  if (changes.description) m.metadata.description = changes.description;
  return m;
}

/** A signed certification record for a manifest, as certification.json text. */
export function certificationFor(m: ComponentManifest, privateKey: KeyObject): string {
  return serializeCertification(
    signCertification({ component: m.metadata.name, version: m.metadata.version, digest: manifestDigest(m), checks: ['pinned-tag'], privateKey }),
  );
}

/**
 * postgresql 16.9.0 (deprecated) and 16.10.0, redis 8.2.1 (certified by a throwaway
 * key in the fixture's trust store) and nginx 1.30.1.
 */
export function fixtureCatalog(): FixtureCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-fixture-'));
  made.add(dir);
  const catalogDir = join(dir, 'catalog');
  const trustDir = join(dir, 'trust');
  mkdirSync(trustDir, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(trustDir, 'test-certifier.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  const write = (m: ComponentManifest, extra: Record<string, string> = {}) => {
    const folder = join(catalogDir, m.metadata.name, m.metadata.version);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'component.yaml'), stringify(m));
    for (const [file, text] of Object.entries(extra)) writeFileSync(join(folder, file), text);
  };
  const postgres = shippedManifest('postgresql', '16.10.0');
  write(postgres);
  write(derivedManifest(postgres, { version: '16.9.0' }), { DEPRECATED: 'use 16.10.0\n' });
  const redis = shippedManifest('redis', '8.2.1');
  write(redis, { 'certification.json': certificationFor(redis, privateKey) });
  write(shippedManifest('nginx', '1.30.1'));
  return { catalogDir, trustDir, privateKey };
}
