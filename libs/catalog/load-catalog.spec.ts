import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { canonicalJson, manifestDigest, parseManifest } from '../manifest/index.js';
import { loadCatalog } from './load-catalog.js';

const minimal = readFileSync(join(__dirname, '../manifest/testdata/minimal.component.yaml'), 'utf8');

function put(root: string, name: string, version: string, text: string) {
  mkdirSync(join(root, name, version), { recursive: true });
  writeFileSync(join(root, name, version, 'component.yaml'), text);
}

function manifestText(name: string, version: string) {
  const doc = parseDocument(minimal);
  doc.setIn(['metadata', 'name'], name);
  doc.setIn(['metadata', 'version'], version);
  return doc.toString();
}

describe('loadCatalog', () => {
  it('loads good manifests and reports, then skips, bad ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-catalog-'));
    put(root, 'alpha', '1.0.0', manifestText('alpha', '1.0.0'));
    put(root, 'alpha', '1.1.0', manifestText('alpha', '1.1.0'));
    put(root, 'beta', '1.0.0', 'metadata: [unclosed\n');
    put(root, 'gamma', '2.0.0', manifestText('gamma', '1.0.0'));
    put(root, 'delta', '1.0.0', manifestText('delta', '1.0.0').replace('tag: "1.0"', 'tag: latest'));
    const { index, diagnostics } = loadCatalog(root, { relativeTo: root });
    expect(index.names()).toEqual(['alpha']);
    expect(index.versions('alpha').map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['beta/1.0.0/component.yaml', 'YAML_SYNTAX'],
      ['delta/1.0.0/component.yaml', 'SCHEMA_VIOLATION'],
      ['gamma/2.0.0/component.yaml', 'MANIFEST_LOCATION_MISMATCH'],
    ]);
  });

  it('computes the digest over the canonical JSON of the manifest', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-catalog-'));
    const text = manifestText('alpha', '1.0.0');
    put(root, 'alpha', '1.0.0', text);
    // Reordering keys and reformatting must not change a version's identity.
    put(root, 'alpha', '1.0.1', JSON.stringify(JSON.parse(canonicalJson({ ...parseManifest(manifestText('alpha', '1.0.1')).value }))));
    const { index } = loadCatalog(root);
    const v = index.get('alpha', '1.0.0')!;
    expect(v.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v.digest).toBe(manifestDigest(parseManifest(text).value!));
    expect(index.get('alpha', '1.0.1')!.digest).toBe(manifestDigest(parseManifest(manifestText('alpha', '1.0.1')).value!));
  });

  it('reads a deprecation note beside the manifest', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-catalog-'));
    put(root, 'alpha', '1.0.0', manifestText('alpha', '1.0.0'));
    put(root, 'alpha', '1.1.0', manifestText('alpha', '1.1.0'));
    writeFileSync(join(root, 'alpha', '1.1.0', 'DEPRECATED'), 'data loss on upgrade\n');
    const { index } = loadCatalog(root);
    expect(index.resolve('alpha').version?.version).toBe('1.0.0');
    expect(index.get('alpha', '1.1.0')?.deprecated).toBe('data loss on upgrade');
  });

  it('refuses a scoped name with a diagnostic of its own: catalog folders hold global names only', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-catalog-'));
    put(root, 'alpha', '1.0.0', manifestText('alpha', '1.0.0'));
    put(root, 'vault', '1.0.0', manifestText('acme/vault', '1.0.0'));
    // Laid out as the name reads: `acme` looks like a component and `vault` like its version folder.
    put(join(root, 'acme'), 'vault', '1.0.0', manifestText('acme/vault', '1.0.0'));
    put(root, 'acme', '1.0.0', manifestText('acme/vault', '1.0.0'));
    const { index, diagnostics } = loadCatalog(root, { relativeTo: root });
    expect(index.names()).toEqual(['alpha']);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.code, d.path])).toEqual([
      ['acme/1.0.0/component.yaml', 'NAME_SCOPED_IN_CATALOG', 'metadata.name'],
      ['acme/vault/1.0.0/component.yaml', 'NAME_SCOPED_IN_CATALOG', 'acme/vault/1.0.0/component.yaml'],
      ['vault/1.0.0/component.yaml', 'NAME_SCOPED_IN_CATALOG', 'metadata.name'],
    ]);
    expect(diagnostics.find((d) => d.code === 'NAME_SCOPED_IN_CATALOG')?.message).toBe(
      'acme/vault is in the scope of organization acme: a catalog folder holds global names only (such as vault); publish scoped components to an Aisle service',
    );
  });

  it('reports a missing folder instead of throwing', () => {
    expect(loadCatalog('/nonexistent/catalog').diagnostics[0]).toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});
