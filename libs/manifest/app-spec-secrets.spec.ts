import { describe, expect, it } from 'vitest';
import { checkAppSpec, parseAppSpec } from './parse-app-spec.js';
import { MISTAKES_IN_A_VALUE } from './testdata/mistakes-in-a-value.js';

const head = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql\n    inputs:\n';

describe('app spec diagnostics never show what is inside an input value (issue 8, item 8)', () => {
  it.each(Object.entries(MISTAKES_IN_A_VALUE))('%s', (_title, lines) => {
    const r = parseAppSpec(head + lines, 'app.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const text = JSON.stringify(r.diagnostics);
    for (const fragment of ['Hunter2', 'pass-1234', 'Hunter', '1234']) expect(text).not.toContain(fragment);
    for (const d of r.diagnostics) {
      expect(d.code).toMatch(/^(YAML_|SCHEMA_VIOLATION)/);
      // The path stops at the input (or above it), never inside the value.
      expect([
        'app.yaml',
        'instances',
        'instances.db',
        'instances.db.inputs',
        'instances.db.inputs.password',
        'instances.db.inputs.database',
        'instances.db.env',
      ]).toContain(d.path);
    }
  });

  it('still names the input and line of a mistake in its value', () => {
    const r = parseAppSpec(head + MISTAKES_IN_A_VALUE['a nested mapping (the issue)'], 'app.yaml');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_SYNTAX', path: 'instances.db.inputs.password', file: 'app.yaml', line: 8 })]);
  });

  it('refuses a value that is not well-formed Unicode at its path, without quoting it (item 9)', () => {
    const r = parseAppSpec(`${head}      password: "Hunter2\\uD800pass-1234"\n    env: { TOKEN: "x\\uDC00" }\n`, 'app.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['SCHEMA_VIOLATION', 'instances.db.inputs.password', 'must be well-formed Unicode text (it contains an unpaired surrogate)'],
      ['SCHEMA_VIOLATION', 'instances.db.env.TOKEN', 'must be well-formed Unicode text (it contains an unpaired surrogate)'],
    ]);
  });

  it('refuses ill-formed text in a JSON app spec as well', () => {
    const r = checkAppSpec({
      apiVersion: 'aisle.dev/v1',
      kind: 'App',
      metadata: { name: 'shop', description: 'a\uD800' },
      instances: { db: { component: 'postgresql' } },
    });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: 'metadata.description' })]);
  });
});
