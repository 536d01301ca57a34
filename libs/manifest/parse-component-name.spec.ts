import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../test/fuzz/fuzz-config.js';
import { COMPONENT_NAME_PATTERN, isScopeName, parseComponentName } from './parse-component-name.js';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/component.schema.json'), 'utf8')) as { $defs: { name: { pattern: string } } };

describe('parseComponentName', () => {
  it('splits global and scoped names', () => {
    expect(parseComponentName('postgresql')).toEqual({ full: 'postgresql', base: 'postgresql' });
    expect(parseComponentName('acme/vault')).toEqual({ full: 'acme/vault', scope: 'acme', base: 'vault' });
    expect(parseComponentName('9lives/x')).toEqual({ full: '9lives/x', scope: '9lives', base: 'x' });
    expect(parseComponentName(`${'a'.repeat(63)}/${'b'.repeat(40)}`)?.base).toBe('b'.repeat(40));
  });

  it.each([
    '',
    'Postgresql',
    'acme/',
    '/vault',
    'acme/vault/x',
    'acme//vault',
    '../vault',
    'acme/../vault',
    'acme/./vault',
    '.',
    '..',
    'acme/Vault',
    '-acme/vault',
    'acme/-vault',
    'acme/vault-',
    'acme\\vault',
    'acme/vault@1',
    ' acme/vault',
    'acme/vault\n',
    'ácme/vault',
    `${'a'.repeat(64)}/vault`,
    `acme/${'b'.repeat(41)}`,
    'acme/9vault',
  ])('refuses %j', (text) => {
    expect(parseComponentName(text)).toBeUndefined();
  });

  it('uses the pattern of schemas/component.schema.json, so the schema and the code never disagree', () => {
    expect(schema.$defs.name.pattern).toBe(COMPONENT_NAME_PATTERN);
    const validate = new Ajv2020().compile({ type: 'string', pattern: schema.$defs.name.pattern });
    const nameLike = fc.stringMatching(/^[a-z0-9./\\-]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), nameLike), (text) => {
        expect(parseComponentName(text) !== undefined).toBe(validate(text));
      }),
      fuzzParameters(),
    );
  });

  it('gives a label that can never name a folder above or below', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9./-]{1,20}$/), (text) => {
        const name = parseComponentName(text);
        if (!name) return;
        expect(name.base).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(name.scope === undefined ? name.base : `${name.scope}/${name.base}`).toBe(text);
      }),
      fuzzParameters(),
    );
  });

  it('takes organization names as scopes', () => {
    expect(isScopeName('acme')).toBe(true);
    expect(isScopeName('a'.repeat(63))).toBe(true);
    expect(isScopeName('a'.repeat(64))).toBe(false);
    expect(isScopeName('Acme Corp')).toBe(false);
    expect(isScopeName('acme/x')).toBe(false);
    expect(isScopeName('')).toBe(false);
  });
});
