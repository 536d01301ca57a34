import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseManifest } from './parse-manifest.js';

const minimal = readFileSync(join(__dirname, 'testdata/minimal.component.yaml'), 'utf8');

/** The minimal manifest with one change applied at a path (undefined deletes). */
function variant(path: (string | number)[], value: unknown): string {
  const doc = parseDocument(minimal);
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  return doc.toString();
}

describe('parseManifest', () => {
  it('accepts the minimal manifest', () => {
    const r = parseManifest(minimal, 'm.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.metadata.name).toBe('sample');
  });

  // Each invalid variant asserts the exact code, path and message.
  it.each<[string, (string | number)[], unknown, string, string, string]>([
    ['unknown field', ['spec', 'imag'], 'x', 'SCHEMA_VIOLATION', 'spec.imag', 'is not a known field (did you mean "image"?)'],
    ['missing required field', ['metadata', 'license'], undefined, 'SCHEMA_VIOLATION', 'metadata.license', 'is required'],
    [
      'version that is not semver',
      ['metadata', 'version'],
      '1.0',
      'VERSION_INVALID',
      'metadata.version',
      'must be a semantic version such as 1.2.3 (see semver.org)',
    ],
    ['latest tag', ['spec', 'image', 'tag'], 'latest', 'SCHEMA_VIOLATION', 'spec.image.tag', 'must be a pinned tag, not a moving one such as "latest"'],
    [
      'empty tag',
      ['spec', 'image', 'tag'],
      '',
      'SCHEMA_VIOLATION',
      'spec.image.tag',
      'must be an image tag such as 16.10: letters, digits, "_", "." and "-", not starting with "." or "-", at most 128',
    ],
    [
      'wrong type',
      ['spec', 'inputs', 'properties', 'password', 'minLength'],
      'twelve',
      'SCHEMA_VIOLATION',
      'spec.inputs.properties.password.minLength',
      'must be an integer',
    ],
    [
      'inputs type that is not JSON Schema',
      ['spec', 'inputs', 'properties', 'port', 'type'],
      'int',
      'SCHEMA_VIOLATION',
      'spec.inputs.properties.port.type',
      'must be one of: "string", "integer", "number", "boolean"',
    ],
    [
      'misspelled schema keyword',
      ['spec', 'inputs', 'properties', 'password', 'minLenght'],
      3,
      'SCHEMA_VIOLATION',
      'spec.inputs.properties.password.minLenght',
      'is not a known field (did you mean "minLength"?)',
    ],
    [
      'pattern that cannot compile',
      ['spec', 'inputs', 'properties', 'database', 'pattern'],
      '^[a-z',
      'INPUTS_SCHEMA_INVALID',
      'spec.inputs.properties.database.pattern',
      'is not a valid regular expression: /^[a-z/u: Unterminated character class',
    ],
    [
      'required input that is not declared',
      ['spec', 'inputs', 'required'],
      ['database', 'nope'],
      'INPUTS_SCHEMA_INVALID',
      'spec.inputs.required.1',
      'names "nope", which is not declared under properties',
    ],
    [
      'generated non-secret',
      ['spec', 'inputs', 'properties', 'database', 'x-aisle-generate'],
      'password',
      'INPUTS_SCHEMA_INVALID',
      'spec.inputs.properties.database.x-aisle-generate',
      'only a secret string input (writeOnly: true) can be generated',
    ],
    ['bad template', ['spec', 'runtime', 'env', 'DB'], '${{ inputs.database', 'TEMPLATE_INVALID', 'spec.runtime.env.DB', 'unclosed "${{" at character 1'],
    [
      'unknown filter',
      ['spec', 'runtime', 'env', 'DB'],
      '${{ inputs.database | upper }}',
      'TEMPLATE_INVALID',
      'spec.runtime.env.DB',
      'the expression at character 1 uses an unknown filter (known: urlencode)',
    ],
    [
      'reference that is not a name',
      ['spec', 'runtime', 'env', 'DB'],
      'x${{ p@ss }}',
      'TEMPLATE_INVALID',
      'spec.runtime.env.DB',
      'the expression at character 2 is not a reference like ${{ name.output }}',
    ],
    [
      'bad name',
      ['metadata', 'name'],
      'Bad_Name',
      'SCHEMA_VIOLATION',
      'metadata.name',
      'must be a lower-case name such as postgresql (a letter, then letters, digits or hyphens, at most 40), optionally in an organization’s scope such as acme/vault',
    ],
  ])('reports %s', (_title, path, value, code, diagnosticPath, message) => {
    const r = parseManifest(variant(path, value), 'bad.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code, path: diagnosticPath, message, file: 'bad.yaml' }));
  });

  it('gives the line of the offending field', () => {
    const r = parseManifest(variant(['spec', 'image', 'tag'], 'latest'), 'bad.yaml');
    const d = r.diagnostics.find((x) => x.path === 'spec.image.tag');
    expect(d?.line).toBe(15);
  });

  it('reports every problem at once', () => {
    let text = variant(['metadata', 'version'], 'one');
    text = text.replace('tag: "1.0"', 'tag: latest').replace('  license: Apache-2.0\n', '');
    const r = parseManifest(text, 'bad.yaml');
    expect(r.diagnostics.map((d) => d.path).sort()).toEqual(['metadata.license', 'metadata.version', 'spec.image.tag']);
  });

  it('rejects a document that is not a mapping', () => {
    expect(parseManifest('- a\n- b\n', 'list.yaml').diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: 'list.yaml', message: 'a component manifest must be a YAML mapping' }),
    ]);
  });
});
