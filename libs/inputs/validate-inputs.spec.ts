import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestDigest, parseManifest } from '../manifest/index.js';
import { compiledValidatorCount } from './inputs-plan.js';
import { validateInputs } from './validate-inputs.js';

const manifest = parseManifest(readFileSync(join(__dirname, '../manifest/testdata/minimal.component.yaml'), 'utf8')).value!;
const version = { digest: manifestDigest(manifest), manifest };

describe('validateInputs', () => {
  it('applies defaults and generates a missing secret', () => {
    const r = validateInputs(version, { database: 'shop' });
    expect(r.diagnostics).toEqual([]);
    expect(r.values).toMatchObject({ database: 'shop', port: 5432 });
    expect(r.values.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(r.generated).toEqual(['password']);
  });

  it('generates a different secret each time', () => {
    expect(validateInputs(version, {}).values.password).not.toBe(validateInputs(version, {}).values.password);
  });

  it('keeps a previous secret instead of generating a new one', () => {
    const r = validateInputs(version, {}, { previous: { password: 'kept-from-before-123' } });
    expect(r.values.password).toBe('kept-from-before-123');
    expect(r.generated).toEqual([]);
  });

  it("tells a pattern mismatch in the manifest's own words, and keeps the expression for tools", () => {
    const worded = structuredClone(manifest);
    worded.spec.inputs.properties.database!['x-aisle-pattern-message'] = 'lower-case letters and "_"';
    worded.spec.inputs.properties.password!.pattern = "^[^'\\\\]+$";
    const r = validateInputs({ digest: manifestDigest(worded), manifest: worded }, { database: 'Shop-1', password: "it's-a-secret-1" });
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'INPUT_INVALID',
        path: 'database',
        message: 'must be lower-case letters and "_"',
        detail: { keyword: 'pattern', params: { pattern: '^[a-z_]+$' } },
      },
      // A secret's pattern without a message: no example (there is none to give), no value.
      {
        severity: 'error',
        code: 'INPUT_INVALID',
        path: 'password',
        message: 'is not in the form this input accepts',
        detail: { keyword: 'pattern', params: { pattern: "^[^'\\\\]+$" } },
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, Array<[string, string, string]>]>([
    ['short password', { password: 'short' }, [['INPUT_INVALID', 'password', 'must be at least 12 characters']]],
    // The fixture's pattern has no x-aisle-pattern-message (as old manifests): never the expression, a public example instead.
    ['bad pattern', { database: 'Shop-1' }, [['INPUT_INVALID', 'database', 'is not in the form this input accepts (for example "app")']]],
    ['wrong type', { port: 'eighty' }, [['INPUT_INVALID', 'port', 'must be an integer']]],
    ['out of range', { port: 70000 }, [['INPUT_INVALID', 'port', 'must be at most 65535']]],
    ['unknown input with suggestion', { pasword: 'x' }, [['INPUT_UNKNOWN', 'pasword', 'is not an input of sample (did you mean "password"?)']]],
    ['unknown input without suggestion', { zzzzzzzz: 1 }, [['INPUT_UNKNOWN', 'zzzzzzzz', 'is not an input of sample']]],
    [
      'several problems at once',
      { password: 'short', port: 0, extra: true },
      [
        ['INPUT_UNKNOWN', 'extra', 'is not an input of sample'],
        ['INPUT_INVALID', 'password', 'must be at least 12 characters'],
        ['INPUT_INVALID', 'port', 'must be at least 1'],
      ],
    ],
  ])('%s', (_title, given, expected) => {
    const r = validateInputs(version, given);
    const got = r.diagnostics.map((d) => [d.code, d.path, d.message]).sort((a, b) => a[1]!.localeCompare(b[1]!));
    expect(got).toEqual(expected);
  });

  it('never echoes a secret value in an error', () => {
    const secret = 'tiny$ecret';
    const r = validateInputs(version, { password: secret });
    expect(JSON.stringify(r.diagnostics)).not.toContain(secret);
  });

  it('compiles the validator once per digest', () => {
    validateInputs(version, {});
    const before = compiledValidatorCount();
    for (let i = 0; i < 50; i++) validateInputs(version, { database: `db_${'a'.repeat(i % 5)}` });
    expect(compiledValidatorCount()).toBe(before);
  });
});
