import Ajv2020 from 'ajv/dist/2020.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Deliberately plain: no project code, default ajv options, only the published schema.
const root = join(__dirname, '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/component.schema.json'), 'utf8'));
const versionFolders = readdirSync(join(root, 'catalog')).flatMap((name) =>
  readdirSync(join(root, 'catalog', name), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join('catalog', name, e.name)),
);
// A version folder holds a component's manifest or a kit.
const manifests = versionFolders.map((d) => join(d, 'component.yaml')).filter((f) => existsSync(join(root, f)));
const kits = versionFolders.map((d) => join(d, 'kit.yaml')).filter((f) => existsSync(join(root, f)));

describe('schemas/component.schema.json with plain ajv', () => {
  const validate = new Ajv2020().compile(schema);

  it('finds the shipped manifests', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(3);
  });

  it.each(manifests)('%s validates', (file) => {
    const ok = validate(parse(readFileSync(join(root, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('every version folder holds one or the other', () => {
    expect(manifests.length + kits.length).toBe(versionFolders.length);
  });

  it.each(kits)('%s validates against schemas/kit.schema.json', (file) => {
    const ajv = new Ajv2020();
    ajv.addSchema(schema);
    ajv.addSchema(JSON.parse(readFileSync(join(root, 'schemas/app.schema.json'), 'utf8')));
    const validateKit = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/kit.schema.json'), 'utf8')));
    const ok = validateKit(parse(readFileSync(join(root, file), 'utf8')));
    expect(validateKit.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('also compiles the app spec schema', () => {
    expect(() => new Ajv2020().compile(JSON.parse(readFileSync(join(root, 'schemas/app.schema.json'), 'utf8')))).not.toThrow();
  });
});
