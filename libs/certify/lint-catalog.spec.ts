import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/index.js';
import { defaultTrustDir } from './default-trust-dir.js';
import { lintCatalog } from './lint-catalog.js';

const testdata = join(__dirname, 'testdata');

describe('lintCatalog', () => {
  it('lints every version of every component and compares each component’s versions', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-lint-catalog-'));
    for (const v of ['1.0.0', '1.1.0']) {
      mkdirSync(join(root, 'sample', v), { recursive: true });
      cpSync(join(testdata, 'versions/sample', `${v}.component.yaml`), join(root, 'sample', v, 'component.yaml'));
    }
    mkdirSync(join(root, 'other', '1.0.0'), { recursive: true });
    // The fixture calls itself "sample"; rename it after its folder so it loads.
    const broken = readFileSync(join(testdata, 'rules/resources.component.yaml'), 'utf8').replace('name: sample', 'name: other');
    writeFileSync(join(root, 'other', '1.0.0', 'component.yaml'), broken);
    const { index, diagnostics } = loadCatalog(root, { relativeTo: root });
    expect(diagnostics).toEqual([]);
    const found = lintCatalog(index).map((d) => `${d.file} ${d.rule} ${d.path}`);
    expect(found).toEqual([
      'other/1.0.0/component.yaml resources spec.runtime.resources.requests.memory',
      'sample/1.1.0/component.yaml input-contract-semver spec.inputs.properties',
      'sample/1.1.0/component.yaml input-contract-semver spec.inputs.required.1',
      'sample/1.1.0/component.yaml input-contract-semver spec.inputs.properties.database.pattern',
      'sample/1.1.0/component.yaml input-contract-semver spec.inputs.properties.mode.enum',
      'sample/1.1.0/component.yaml input-contract-semver spec.inputs.properties.replicas.maximum',
    ]);
  });

  it('finds the project trust store by default', () => {
    expect(defaultTrustDir()).toBe(join(__dirname, '../../trust'));
  });
});
