import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Deliberately plain: no project code, default ajv options, only the published schema.
const root = join(__dirname, '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/component.schema.json'), 'utf8'));
const manifests = readdirSync(join(root, 'catalog')).flatMap((name) =>
  readdirSync(join(root, 'catalog', name), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join('catalog', name, e.name, 'component.yaml')),
);

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

  it('also compiles the app spec schema', () => {
    expect(() => new Ajv2020().compile(JSON.parse(readFileSync(join(root, 'schemas/app.schema.json'), 'utf8')))).not.toThrow();
  });
});
