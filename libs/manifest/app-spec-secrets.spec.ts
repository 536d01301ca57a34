import { describe, expect, it } from 'vitest';
import { checkAppSpec, parseAppSpec } from './parse-app-spec.js';

const head = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql\n    inputs:\n';

// Each one is a YAML mistake made inside an input value; every secret fragment contains "Hunter2" or "pass-1234".
export const MISTAKES_IN_A_VALUE: Record<string, string> = {
  'a nested mapping (the issue)': '      password: Hunter2: pass-1234\n',
  'a nested mapping after a tab': '      password:\tHunter2\t: pass-1234\n',
  'a block mapping under the value': '      password:\n        Hunter2: pass-1234\n        Hunter2: pass-1234\n',
  'bad indentation': '      database: shop\n        password: Hunter2pass-1234\n',
  'a continuation line that is not indented': '      password: Hunter2\n     pass-1234: x\n',
  'a value on the next line, not indented': '      password:\n      Hunter2pass-1234\n',
  'an unterminated double quote': '      password: "Hunter2pass-1234\n',
  'an unterminated single quote': "      password: 'Hunter2pass-1234\n    env: {}\n",
  'a bad escape in double quotes': '      password: "Hunter2\\qpass-1234"\n',
  'a duplicate key in a flow map': '      password: {Hunter2: 1, Hunter2: pass-1234}\n',
  'a duplicate key deep in a flow map': '      password: {a: {Hunter2: 1, Hunter2: pass-1234}}\n',
  'an unclosed flow sequence': '      password: [Hunter2pass-1234\n',
  'a tab as indentation': '      password:\n\tHunter2pass-1234\n',
  'an alias to no anchor': '      password: *Hunter2pass-1234\n',
  'an unknown tag': '      password: !Hunter2 pass-1234\n',
  'a forbidden key': '      password: { __proto__: Hunter2pass-1234 }\n',
  // Found by test/fuzz/input-values.spec.ts: YAML read the rest of the line as a sibling key.
  'value text YAML reads as a sibling key': "      password: -\t:Hunter2%: '`pass-1234\n",
  'a flow map whose value breaks': '      database: shop\n    env: { TOKEN: "Hunter2\\qpass-1234" }\n',
};

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
      expect(['', 'instances', 'instances.db', 'instances.db.inputs', 'instances.db.inputs.password', 'instances.db.inputs.database', 'instances.db.env']).toContain(d.path);
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
    const r = checkAppSpec({ apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'shop', description: 'a\uD800' }, instances: { db: { component: 'postgresql' } } });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: 'metadata.description' })]);
  });
});
