import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { manifestDigest, parseManifest, type ComponentManifest } from '../manifest/index.js';
import { CatalogIndex } from './catalog-index.js';
import { UNCERTIFIED } from './component-version.js';

const minimal = readFileSync(join(__dirname, '../manifest/testdata/minimal.component.yaml'), 'utf8');

function version(name: string, v: string, aisle = 'database', deprecated?: string) {
  const doc = parseDocument(minimal);
  doc.setIn(['metadata', 'name'], name);
  doc.setIn(['metadata', 'version'], v);
  doc.setIn(['metadata', 'aisle'], aisle);
  const manifest = parseManifest(doc.toString()).value as ComponentManifest;
  return { name, version: v, digest: manifestDigest(manifest), manifest, source: `${name}/${v}`, deprecated, certification: UNCERTIFIED };
}

function index() {
  const i = new CatalogIndex();
  for (const v of [version('postgresql', '16.4.0'), version('postgresql', '17.0.0'), version('mysql', '8.4.0'), version('redis', '8.2.0', 'cache')]) i.add(v);
  return i;
}

describe('CatalogIndex', () => {
  it('resolves a reference to the highest matching version', () => {
    expect(index().resolve('postgresql@^16').version?.version).toBe('16.4.0');
    expect(index().resolve('postgresql').version?.version).toBe('17.0.0');
  });

  it('names the versions that exist when nothing matches', () => {
    expect(index().resolve('postgresql@^15', 'db.component').diagnostics).toEqual([
      { severity: 'error', code: 'VERSION_UNSATISFIED', path: 'db.component', message: 'no version of postgresql satisfies "^15"; available: 17.0.0, 16.4.0' },
    ]);
  });

  it('suggests the closest names for an unknown component', () => {
    expect(index().resolve('postgres@^16', 'db.component').diagnostics[0]).toMatchObject({
      code: 'COMPONENT_NOT_FOUND',
      message: 'no component named "postgres" in the catalog (did you mean "postgresql"?)',
    });
  });

  it('rejects a range that is not semver', () => {
    expect(index().resolve('postgresql@banana').diagnostics[0]).toMatchObject({ code: 'REFERENCE_INVALID' });
  });

  it('refuses a second version with the same number and another digest', () => {
    const i = index();
    const clash = version('postgresql', '16.4.0');
    clash.digest = 'sha256:other';
    expect(i.add(clash)[0]).toMatchObject({ code: 'DUPLICATE_VERSION' });
  });

  it('lists aisles with counts and searches text', () => {
    const i = index();
    expect(i.aisles()).toEqual([
      { name: 'cache', components: 1, kits: 0, description: expect.stringMatching(/^In-memory/) },
      { name: 'database', components: 2, kits: 0, description: expect.stringMatching(/^SQL, document/) },
    ]);
    expect(i.search('', 'cache').map((v) => v.name)).toEqual(['redis']);
    expect(i.search('sql').map((v) => v.name)).toEqual(['mysql', 'postgresql']);
  });
});
