import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, type ComponentManifest } from '../manifest/index.js';
import { lintManifest } from './lint-manifest.js';
import { lintVersions } from './lint-versions.js';

const good = parseManifest(readFileSync(join(__dirname, 'testdata/good.component.yaml'), 'utf8')).value!;

/** The good fixture with one field replaced, as an unvalidated caller might hand it over. */
function withField(path: string[], value: unknown): ComponentManifest {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy as unknown as ComponentManifest;
}

// Each shape made a rule throw before its fields were read through shape guards (found by test/fuzz/manifests.spec.ts).
const HOSTILE_OBJECT = { toString: '', valueOf: 1 };

describe('lint rules on a manifest of any shape (issue 8, item 9)', () => {
  it.each<[string, string[], unknown]>([
    ['runtime.command as a string', ['spec', 'runtime', 'command'], 'sh -c id'],
    ['runtime.args as a number', ['spec', 'runtime', 'args'], 7],
    ['runtime.ports as a string', ['spec', 'runtime', 'ports'], '5432'],
    ['a port as null', ['spec', 'runtime', 'ports'], [null]],
    ['a port name as an object whose toString is not a function', ['spec', 'runtime', 'ports'], [{ name: HOSTILE_OBJECT, port: 80 }]],
    ['health.command as a number', ['spec', 'runtime', 'health'], { command: 5 }],
    ['the image as a string', ['spec', 'image'], 'nginx'],
    ['the image tag as an object whose toString is not a function', ['spec', 'image', 'tag'], HOSTILE_OBJECT],
    ['the image input as an object', ['spec', 'image'], { input: HOSTILE_OBJECT }],
    ['required as a number', ['spec', 'inputs', 'required'], 12],
    ['required holding objects', ['spec', 'inputs', 'required'], [HOSTILE_OBJECT, 'a', 'b', 'c', 'd', 'e']],
    ['inputs.properties as a string', ['spec', 'inputs', 'properties'], 'abc'],
    ['resources as a string', ['spec', 'runtime', 'resources'], 'lots'],
    ['outputs as a list', ['spec', 'outputs'], [1, 2]],
    ['spec as a number', ['spec'], 3],
    ['the whole manifest as null', [], null],
  ])('reports, without throwing, %s', (_title, path, value) => {
    const manifest = path.length === 0 ? (value as ComponentManifest) : withField(path, value);
    const diagnostics = lintManifest(manifest);
    for (const d of diagnostics) expect(d).toMatchObject({ code: 'LINT_RULE', path: expect.stringMatching(/^spec|^metadata/) });
    expect(() => lintVersions([{ manifest: good }, { manifest }])).not.toThrow();
  });

  it('compares versions whose inputs have odd shapes, and names that are also built-ins', () => {
    const older = withField(['spec', 'inputs', 'properties'], { toString: { type: 'string', description: 'x', enum: 'a' } });
    const newer = withField(['spec', 'inputs', 'properties'], { valueOf: { type: HOSTILE_OBJECT, description: 'x', enum: [HOSTILE_OBJECT] } });
    const diagnostics = lintVersions([{ manifest: older }, { manifest: { ...newer, metadata: { ...newer.metadata, version: '1.0.1' } } }]);
    expect(diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('removes the input "toString"'));
  });
});
