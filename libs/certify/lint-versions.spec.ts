import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/index.js';
import { lintManifest } from './lint-manifest.js';
import { lintVersions } from './lint-versions.js';

const dir = join(__dirname, 'testdata/versions/sample');
const version = (v: string) => {
  const source = `sample/${v}/component.yaml`;
  const parsed = parseManifest(readFileSync(join(dir, `${v}.component.yaml`), 'utf8'), source);
  expect(parsed.diagnostics).toEqual([]);
  return { manifest: parsed.value!, source };
};

describe('lintVersions (input-contract-semver)', () => {
  it('each fixture version passes the single-manifest rules', () => {
    for (const v of ['1.0.0', '1.1.0', '1.2.0', '2.0.0']) expect(lintManifest(version(v).manifest)).toEqual([]);
  });

  it('reports every narrowing within a major version, on the newer version, in any input order', () => {
    const diagnostics = lintVersions([version('2.0.0'), version('1.1.0'), version('1.0.0'), version('1.2.0')]);
    expect(diagnostics.map((d) => [d.severity, d.file, d.path])).toEqual([
      ['error', 'sample/1.1.0/component.yaml', 'spec.inputs.properties'],
      ['error', 'sample/1.1.0/component.yaml', 'spec.inputs.required.1'],
      ['warning', 'sample/1.1.0/component.yaml', 'spec.inputs.properties.database.pattern'],
      ['error', 'sample/1.1.0/component.yaml', 'spec.inputs.properties.mode.enum'],
      ['error', 'sample/1.1.0/component.yaml', 'spec.inputs.properties.replicas.maximum'],
    ]);
    expect(diagnostics.every((d) => d.code === 'LINT_RULE' && d.rule === 'input-contract-semver')).toBe(true);
    expect(diagnostics[0]!.message).toBe('removes the input "storageSize" since 1.0.0; that breaks existing app specs and needs a new major version (2.0.0)');
    expect(diagnostics[1]!.message).toContain('requires "password", which was not required');
    expect(diagnostics[3]!.message).toContain('drops the allowed value(s) "safe"');
    expect(diagnostics[4]!.message).toContain('lowers maximum from 10 to 5');
  });

  it('holds a version to its newest live predecessor: a fix may refuse what a deprecated version took but never handled', () => {
    const withdrawn = { ...version('1.0.0'), deprecated: 'broke on first start; use 1.1.0' };
    expect(lintVersions([withdrawn, version('1.1.0')])).toEqual([]);
    // 1.2.0 is still held to 1.1.0, the newest live version before it.
    expect(lintVersions([withdrawn, version('1.1.0'), version('1.2.0')])).toEqual([]);
    expect(lintVersions([version('1.0.0'), { ...version('1.1.0'), deprecated: 'withdrawn' }, version('1.2.0')]).map((d) => d.file)).toContain(
      'sample/1.2.0/component.yaml',
    );
  });

  it('allows widening (integer to number, a higher maximum) and anything across a major version', () => {
    expect(lintVersions([version('1.1.0'), version('1.2.0')])).toEqual([]);
    expect(lintVersions([version('1.0.0'), version('2.0.0')])).toEqual([]);
  });

  it('catches a narrowed type and a secret that is no longer generated', () => {
    const older = version('1.0.0');
    const newer = { manifest: structuredClone(older.manifest), source: 'sample/1.0.1/component.yaml' };
    newer.manifest.metadata.version = '1.0.1';
    newer.manifest.spec.inputs.properties.port!.type = 'string';
    delete newer.manifest.spec.inputs.properties.password!['x-aisle-generate'];
    const paths = lintVersions([older, newer]).map((d) => d.path);
    expect(paths).toEqual(['spec.inputs.properties.password.x-aisle-generate', 'spec.inputs.properties.port.type']);
  });
});
