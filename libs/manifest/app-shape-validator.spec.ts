import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import appSchema from '../../schemas/app.schema.json';
import { createAjv } from './ajv-instance.js';
import { APP_SHAPE_VALIDATOR_FILE, appShapeValidatorCode } from './app-shape-validator-code.js';
import { validate as precompiled } from './app-shape-validator.generated.js';
import { schemaDiagnostics } from './schema-diagnostics.js';

const root = join(__dirname, '..', '..');
const app = (instances: unknown, rest: Record<string, unknown> = {}) => ({
  apiVersion: 'aisle.dev/v1',
  kind: 'App',
  metadata: { name: 'shop' },
  instances,
  ...rest,
});

/** App specs breaking every keyword app.schema.json uses, one or several at a time. */
const BAD_SPECS: Record<string, unknown> = {
  'not an object': [],
  'nothing required': {},
  'wrong apiVersion and kind': { ...app({ db: { component: 'postgresql' } }), apiVersion: 'v2', kind: 'Ap' },
  'an unknown top-level key': app({ db: { component: 'postgresql' } }, { instance: {} }),
  'a bad app name': { ...app({ db: { component: 'postgresql' } }), metadata: { name: 'Shop_' } },
  'a long description': { ...app({ db: { component: 'postgresql' } }), metadata: { name: 'shop', description: 'x'.repeat(4001) } },
  'no instances': app({}),
  'a bad instance name': app({ Web: { component: 'redis' } }),
  'an instance without component': app({ db: { inputs: {} } }),
  'a bad component ref': app({ db: { component: 'Postgre SQL' } }),
  'an unknown instance key': app({ db: { component: 'postgresql', input: { a: 1 } } }),
  'a bad input name and value': app({ db: { component: 'postgresql', inputs: { 'a b': 1, ok: { nested: true }, list: [1] } } }),
  'a bad env name': app({ web: { component: 'web-app', env: { '1X': 'a', ['Y'.repeat(129)]: 'b', Z: null } } }),
  'dependsOn repeated and not strings': app({ web: { component: 'web-app', dependsOn: ['db', 'db', 3] } }),
  'publish out of range': app({ web: { component: 'web-app', publish: { HTTP: 80, http: 0, https: 70000, alt: 8.5 } } }),
  'replicas wrong': app({ web: { component: 'web-app', replicas: 0 } }),
  'replicas not a number': app({ web: { component: 'web-app', replicas: 'two' } }),
  'everything at once': { apiVersion: 1, kind: null, metadata: 'x', instances: { a_b: 3, c: { component: 7, env: [] } }, extra: true },
};

describe('the precompiled app spec validator (app-shape-validator.generated.ts)', () => {
  it('is what `npm run schemas:compile` writes from schemas/app.schema.json today (run it after changing the schema)', () => {
    expect(readFileSync(join(root, APP_SHAPE_VALIDATOR_FILE), 'utf8')).toBe(appShapeValidatorCode());
  });

  const runtime = createAjv({ checkedSchemas: true }).compile(appSchema);
  const standalone = precompiled as unknown as ValidateFunction;

  it.each(Object.entries(BAD_SPECS))('reports %s with the same errors and diagnostics as the runtime-compiled one', (_, spec) => {
    expect(standalone(spec)).toBe(false);
    expect(runtime(spec)).toBe(false);
    expect(standalone.errors).toEqual(runtime.errors);
    const options = { code: 'SCHEMA_VIOLATION' as const, file: 'app.yaml' };
    const diagnostics = schemaDiagnostics(standalone.errors, options);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics).toEqual(schemaDiagnostics(runtime.errors, options));
  });

  it('accepts a good app spec, as the runtime-compiled one does', () => {
    const good = app({
      db: { component: 'postgresql@^16', inputs: { database: 'shop' } },
      web: { component: 'web-app', env: { DATABASE_URL: '${{ db.url }}' }, dependsOn: ['db'], publish: { http: 8080 }, replicas: 2 },
    });
    expect(runtime(good)).toBe(true);
    expect(standalone(good)).toBe(true);
  });
});
