import { describe, expect, it } from 'vitest';
import { parseAppSpec } from './parse-app-spec.js';

const spec = (instances: string) => `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n${instances}`;

describe('parseAppSpec', () => {
  it('accepts instances with wiring and literal $${{', () => {
    const r = parseAppSpec(
      spec('  db: { component: postgresql@^16 }\n  web:\n    component: web-app\n    env: { DATABASE_URL: "${{ db.url }}", LITERAL: "$${{ not.wiring }}" }\n'),
      'app.yaml',
    );
    expect(r.diagnostics).toEqual([]);
  });

  it.each(['../../etc', 'Web', 'a_b', '-x', 'x'.repeat(33)])('rejects the instance name %j with a clear message', (name) => {
    const r = parseAppSpec(spec(`  ${JSON.stringify(name)}: { component: redis }\n`), 'app.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'INSTANCE_NAME_INVALID',
        path: `instances.${name}`,
        file: 'app.yaml',
        line: 5,
        message: `"${name}" is not a valid instance name: use 1 to 32 lower-case letters, digits and "-", starting with a letter and not ending with "-"`,
      }),
    ]);
  });

  it('does not echo a malformed expression, which may hold a secret', () => {
    const r = parseAppSpec(spec('  db:\n    component: postgresql\n    inputs: { password: "${{ hunter2-secret! }}" }\n'), 'app.yaml');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'TEMPLATE_INVALID', path: 'instances.db.inputs.password' })]);
    expect(JSON.stringify(r.diagnostics)).not.toContain('hunter2');
  });

  it('reports unknown fields with a suggestion', () => {
    const r = parseAppSpec(spec('  db: { component: postgresql, input: { a: 1 } }\n'), 'app.yaml');
    expect(r.diagnostics).toEqual([expect.objectContaining({ path: 'instances.db.input', message: 'is not a known field (did you mean "inputs"?)' })]);
  });
});
