import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { manifestTemplates } from './manifest-templates.js';
import type { ComponentManifest } from './manifest.js';
import { parseManifest } from './parse-manifest.js';

const minimal = readFileSync(join(__dirname, 'testdata/minimal.component.yaml'), 'utf8');

function withRuntime(changes: Array<[Array<string | number>, unknown]>): string {
  const doc = parseDocument(minimal);
  for (const [path, value] of changes) doc.setIn(path, value);
  return doc.toString();
}

describe('manifestTemplates, the one list of templated manifest fields', () => {
  it('names every templated field with its path (a port given as a number is no template)', () => {
    const text = withRuntime([
      [['spec', 'runtime', 'volumes'], [{ name: 'data', path: '/data', size: '1Gi' }]],
      [['spec', 'runtime', 'health', 'http'], { port: 5432, path: '/ready' }],
    ]);
    const manifest = parseDocument(text).toJS() as ComponentManifest;
    expect(manifestTemplates(manifest).map((f) => f.path)).not.toContain('spec.runtime.ports.0.port');
    expect(manifestTemplates(manifest).map((f) => f.path)).toEqual(
      expect.arrayContaining(['spec.runtime.env.DB', 'spec.outputs.url.value', 'spec.runtime.volumes.0.size', 'spec.runtime.health.http.path']),
    );
  });

  it('is what parseManifest checks: a malformed template in a volume size or a health path is reported where it is', () => {
    const text = withRuntime([
      [['spec', 'runtime', 'volumes'], [{ name: 'data', path: '/data', size: '${{ inputs.database | shout }}' }]],
      [['spec', 'runtime', 'health', 'http'], { port: 5432, path: '/ready${{ inputs.database' }],
    ]);
    const found = parseManifest(text)
      .diagnostics.filter((d) => d.code === 'TEMPLATE_INVALID')
      .map((d) => d.path);
    expect(found).toEqual(['spec.runtime.volumes.0.size', 'spec.runtime.health.http.path']);
  });
});
