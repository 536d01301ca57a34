import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogCacheDir, loadCatalog, shippedCatalogDir, type CertificationVerifier, type LoadCatalogOptions } from '../libs/catalog/index.js';
import { createCatalogVerifier, createTrustStore, defaultTrustDir, loadTrustStore, type TrustStore } from '../libs/certify/index.js';

const shipped = shippedCatalogDir();

/** The project's verifier, counting the versions it is asked about: none on a load answered from the cache. */
function countingVerifier(trustStore: TrustStore = loadTrustStore(defaultTrustDir())) {
  const inner = createCatalogVerifier(trustStore);
  const counter = { calls: 0 };
  const verify: CertificationVerifier = Object.assign(
    (v: Parameters<CertificationVerifier>[0], record: string | undefined) => {
      counter.calls += 1;
      return inner(v, record);
    },
    { cacheKey: inner.cacheKey },
  );
  return { verify, counter };
}

/** A small catalog: a few shipped components and a kit, copied, plus whatever a test adds. */
function smallCatalog(): string {
  const root = mkdtempSync(join(tmpdir(), 'aisle-cache-catalog-'));
  for (const name of ['postgresql', 'redis', 'web-app', 'ghost', 'ghost-kit', 'mysql']) cpSync(join(shipped, name), join(root, name), { recursive: true });
  return root;
}

const cacheFolder = () => mkdtempSync(join(tmpdir(), 'aisle-cache-dir-'));

function load(dir: string, options: LoadCatalogOptions) {
  return loadCatalog(dir, { relativeTo: dir, ...options });
}

describe('the catalog cache', () => {
  it('rebuilds the shipped catalog exactly as an uncached load does, diagnostics and certifications included, without verifying again', () => {
    const cacheDir = cacheFolder();
    const uncached = loadCatalog(shipped, { verify: countingVerifier().verify, cacheDir: false });
    const first = countingVerifier();
    const written = loadCatalog(shipped, { verify: first.verify, cacheDir });
    expect(first.counter.calls).toBeGreaterThan(100);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const second = countingVerifier();
    const cached = loadCatalog(shipped, { verify: second.verify, cacheDir });
    expect(second.counter.calls).toBe(0);
    expect(cached).toStrictEqual(uncached);
    expect(written).toStrictEqual(uncached);
    expect(cached.index.latest('postgresql')!.certification.verified).toBe(true);
  });

  it('keeps a catalog with bad manifests the same, diagnostics in the same order', () => {
    const root = smallCatalog();
    mkdirSync(join(root, 'broken', '1.0.0'), { recursive: true });
    writeFileSync(join(root, 'broken', '1.0.0', 'component.yaml'), 'metadata: [unclosed\n');
    mkdirSync(join(root, 'empty', '1.0.0'), { recursive: true });
    const moved = readFileSync(join(shipped, 'redis', readdirSync(join(shipped, 'redis'))[0]!, 'component.yaml'), 'utf8');
    mkdirSync(join(root, 'redis', '0.0.1'), { recursive: true });
    writeFileSync(join(root, 'redis', '0.0.1', 'component.yaml'), moved);
    const cacheDir = cacheFolder();
    const uncached = load(root, { verify: countingVerifier().verify, cacheDir: false });
    expect(uncached.diagnostics.map((d) => d.code)).toEqual(['YAML_SYNTAX', 'FILE_UNREADABLE', 'MANIFEST_LOCATION_MISMATCH']);
    load(root, { verify: countingVerifier().verify, cacheDir });
    const again = countingVerifier();
    expect(load(root, { verify: again.verify, cacheDir })).toStrictEqual(uncached);
    expect(again.counter.calls).toBe(0);
  });

  it('misses when a file changes, even keeping its size, and when a version folder is added or removed', () => {
    const root = smallCatalog();
    const cacheDir = cacheFolder();
    const options = () => {
      const v = countingVerifier();
      return { v, options: { verify: v.verify, cacheDir } };
    };
    load(root, options().options);
    const version = readdirSync(join(root, 'redis'))[0]!;
    const file = join(root, 'redis', version, 'component.yaml');
    const text = readFileSync(file, 'utf8');
    // Same length, one letter different: a stat-only check would not see it.
    const edited = text.replace(/description: (\S)/, (_, c: string) => `description: ${c === 'X' ? 'Y' : 'X'}`);
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    let run = options();
    const afterEdit = load(root, run.options);
    expect(run.v.counter.calls).toBeGreaterThan(0);
    expect(afterEdit).toStrictEqual(load(root, { verify: countingVerifier().verify, cacheDir: false }));
    // The edited manifest no longer matches its certification.
    expect(afterEdit.index.get('redis', version)!.certification.verified).toBe(false);

    cpSync(join(root, 'redis', version), join(root, 'redis', '99.0.0'), { recursive: true });
    run = options();
    const added = load(root, run.options);
    expect(run.v.counter.calls).toBeGreaterThan(0);
    expect(added.diagnostics.some((d) => d.file === join('redis', '99.0.0', 'component.yaml'))).toBe(true);

    rmSync(join(root, 'redis', '99.0.0'), { recursive: true });
    rmSync(join(root, 'mysql'), { recursive: true });
    run = options();
    const removed = load(root, run.options);
    expect(run.v.counter.calls).toBeGreaterThan(0);
    expect(removed.index.names()).not.toContain('mysql');
    expect(removed).toStrictEqual(load(root, { verify: countingVerifier().verify, cacheDir: false }));

    run = options();
    load(root, run.options);
    expect(run.v.counter.calls).toBe(0);
  });

  it('is never trusted across a changed trust store: other keys verify again, and certify nothing they did not sign', () => {
    const root = smallCatalog();
    const cacheDir = cacheFolder();
    const trusted = load(root, { verify: countingVerifier().verify, cacheDir });
    expect(trusted.index.latest('postgresql')!.certification.verified).toBe(true);
    const { publicKey } = generateKeyPairSync('ed25519');
    const strangers = countingVerifier(createTrustStore([{ name: 'someone-else', publicKey }]));
    const other = load(root, { verify: strangers.verify, cacheDir });
    expect(strangers.counter.calls).toBeGreaterThan(0);
    expect(other.index.latest('postgresql')!.certification.verified).toBe(false);
    // The same key under another certifier name is another answer too (the name is shown as the certifier).
    const renamedDir = mkdtempSync(join(tmpdir(), 'aisle-trust-'));
    cpSync(join(defaultTrustDir(), 'library-certifier.pub.pem'), join(renamedDir, 'renamed.pub.pem'));
    const renamed = countingVerifier(loadTrustStore(renamedDir));
    expect(load(root, { verify: renamed.verify, cacheDir }).index.latest('postgresql')!.certification.certifier).toBe('renamed');
    expect(renamed.counter.calls).toBeGreaterThan(0);
  });

  it('never answers a verifier that cannot say what it depends on', () => {
    const root = smallCatalog();
    const cacheDir = cacheFolder();
    let calls = 0;
    const opaque: CertificationVerifier = (v, record) => {
      calls += 1;
      return createCatalogVerifier(loadTrustStore(defaultTrustDir()))(v, record);
    };
    load(root, { verify: opaque, cacheDir });
    const first = calls;
    load(root, { verify: opaque, cacheDir });
    expect(calls).toBe(2 * first);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('ignores a corrupt, truncated or foreign cache file and writes a good one over it', () => {
    const root = smallCatalog();
    const cacheDir = cacheFolder();
    const expected = load(root, { verify: countingVerifier().verify, cacheDir });
    const file = join(cacheDir, readdirSync(cacheDir)[0]!);
    const good = readFileSync(file);
    for (const bad of [Buffer.from('not a cache'), good.subarray(0, good.length >> 1), Buffer.alloc(0), Buffer.from([0xff, 0x0f, 0x4f])]) {
      writeFileSync(file, bad);
      const run = countingVerifier();
      expect(load(root, { verify: run.verify, cacheDir })).toStrictEqual(expected);
      expect(run.counter.calls).toBeGreaterThan(0);
      expect(readFileSync(file)).toEqual(good);
    }
  });

  it('loads all the same when the cache folder cannot be written', () => {
    const root = smallCatalog();
    const blocked = join(cacheFolder(), 'file');
    writeFileSync(blocked, 'a file where the cache folder would go');
    const expected = load(root, { verify: countingVerifier().verify, cacheDir: false });
    expect(load(root, { verify: countingVerifier().verify, cacheDir: join(blocked, 'aisle') })).toStrictEqual(expected);
  });
});

describe('catalogCacheDir', () => {
  it('is $AISLE_CACHE_DIR, off, $XDG_CACHE_HOME/aisle or ~/.cache/aisle', () => {
    expect(catalogCacheDir({ AISLE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/c');
    expect(catalogCacheDir({ AISLE_CACHE_DIR: 'off', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBeUndefined();
    expect(catalogCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe(join('/x', 'aisle'));
    // A relative XDG_CACHE_HOME is invalid by the spec, and ignored.
    expect(catalogCacheDir({ XDG_CACHE_HOME: 'x', HOME: '/h' })).toBe(join('/h', '.cache', 'aisle'));
  });

  it('keeps the test run out of the home folder', () => {
    expect(catalogCacheDir(process.env)).toBe(join(tmpdir(), 'aisle-vitest-cache'));
  });
});
