import { describe, expect, it } from 'vitest';
import { createAjv } from './ajv-instance.js';
import { schemaDiagnostics } from './schema-diagnostics.js';

// One sentence per keyword a person meets (issue 9): the field is the path, the message says what it wants.
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 5 },
    code: { type: 'string', pattern: '^[a-z]+$', 'x-aisle-pattern-message': 'lower-case letters.' },
    legacy: { type: 'string', pattern: '^[a-z]+$', examples: ['abc'] },
    token: { type: 'string', writeOnly: true, pattern: '^[a-z]+$', enum: ['alpha', 'beta'], examples: ['alpha'] },
    level: { enum: ['debug', 'info', 'warn'] },
    kind: { const: 'App' },
    count: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 2 },
    ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    email: { type: 'string', format: 'email' },
    site: { type: 'string', format: 'uri' },
    host: { type: 'string', format: 'hostname' },
    ip: { type: 'string', format: 'ipv4' },
    id: { type: 'string', format: 'uuid' },
    when: { type: 'string', format: 'date-time' },
    tags: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: { type: 'string' } },
    tag: { type: 'string', not: { enum: ['latest', 'stable'] } },
    value: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    health: { type: 'object', anyOf: [{ required: ['command'] }, { required: ['http'] }] },
    port: {
      oneOf: [
        { type: 'integer', minimum: 1, maximum: 65535 },
        { type: 'string', pattern: '^\\$\\{\\{ inputs\\.[a-z]+ \\}\\}$', 'x-aisle-pattern-message': 'a reference such as ${{ inputs.port }}' },
      ],
    },
    env: { type: 'object', propertyNames: { pattern: '^[A-Z_]+$', 'x-aisle-pattern-message': 'upper-case letters and "_"' } },
  },
};

const validate = createAjv().compile(SCHEMA);

function said(value: Record<string, unknown>): Array<[string, string]> {
  expect(validate({ name: 'ok', ...value })).toBe(false);
  return schemaDiagnostics(validate.errors, { code: 'SCHEMA_VIOLATION' }).map((d) => [d.path, d.message]);
}

describe('describeSchemaError: one plain sentence per keyword', () => {
  it.each<[string, Record<string, unknown>, Array<[string, string]>]>([
    ['required', { name: undefined }, [['name', 'is required']]],
    ['additionalProperties, with the closest known field', { nmae: 'x' }, [['nmae', 'is not a known field (did you mean "name"?)']]],
    ['type', { name: 3 }, [['name', 'must be a string']]],
    ['minLength', { name: 'a' }, [['name', 'must be at least 2 characters']]],
    ['maxLength', { name: 'abcdef' }, [['name', 'must be at most 5 characters']]],
    ['pattern, in its own words', { code: 'ABC' }, [['code', 'must be lower-case letters']]],
    ['pattern of an old manifest: no expression, an example', { legacy: 'ABC' }, [['legacy', 'is not in the form this input accepts (for example "abc")']]],
    [
      'a secret: no value, no example, no allowed values',
      { token: 'GAMMA' },
      [
        ['token', 'is not one of the values this field allows'],
        ['token', 'is not in the form this input accepts'],
      ],
    ],
    ['enum', { level: 'trace' }, [['level', 'must be one of: "debug", "info", "warn"']]],
    ['const', { kind: 'Component' }, [['kind', 'must be "App"']]],
    ['minimum', { count: 0 }, [['count', 'must be at least 1']]],
    [
      'maximum and multipleOf',
      { count: 11 },
      [
        ['count', 'must be at most 10'],
        ['count', 'must be a multiple of 2'],
      ],
    ],
    ['exclusiveMinimum', { ratio: 0 }, [['ratio', 'must be greater than 0']]],
    ['exclusiveMaximum', { ratio: 1 }, [['ratio', 'must be less than 1']]],
    ['format email', { email: 'ops' }, [['email', 'must be an email address such as ops@example.com']]],
    ['format uri', { site: 'not a url' }, [['site', 'must be a URL such as https://example.com/path']]],
    ['format hostname', { host: 'a b' }, [['host', 'must be a host name such as db.example.com']]],
    ['format ipv4', { ip: '300.1.1.1' }, [['ip', 'must be an IPv4 address such as 192.0.2.10']]],
    ['format uuid', { id: 'x' }, [['id', 'must be a UUID such as 123e4567-e89b-12d3-a456-426614174000']]],
    ['format date-time', { when: 'yesterday' }, [['when', 'must be a date and time such as 2025-06-13T11:33:47Z']]],
    ['minItems', { tags: [] }, [['tags', 'must have at least 1 item']]],
    [
      'maxItems and uniqueItems',
      { tags: ['a', 'a', 'b'] },
      [
        ['tags', 'must have at most 2 items'],
        ['tags', 'must not repeat items (items 0 and 1 are the same)'],
      ],
    ],
    ['not enum', { tag: 'latest' }, [['tag', 'must not be "latest" or "stable"']]],
    ['anyOf types', { value: {} }, [['value', 'must be a string, a number or a boolean']]],
    ['anyOf required keys', { health: {} }, [['health', 'needs one of command or http']]],
    ['oneOf: the branch the value has the type of', { port: 'eighty' }, [['port', 'must be a reference such as ${{ inputs.port }}']]],
    ['oneOf: a number out of range', { port: 0 }, [['port', 'must be at least 1']]],
    ['propertyNames, in its own words', { env: { 'bad-name': 'x' } }, [['env.bad-name', 'is not a valid name: use upper-case letters and "_"']]],
  ])('%s', (_, value, expected) => {
    expect(said(value)).toEqual(expected);
  });

  it('keeps the keyword and its parameters for tools, never the value, and no secret allowed values', () => {
    expect(validate({ name: 'ok', code: 'ABC', token: 'GAMMA' })).toBe(false);
    const diagnostics = schemaDiagnostics(validate.errors, { code: 'SCHEMA_VIOLATION' });
    expect(diagnostics.map((d) => d.detail)).toEqual([
      { keyword: 'pattern', params: { pattern: '^[a-z]+$' } },
      { keyword: 'enum', params: {} },
      { keyword: 'pattern', params: { pattern: '^[a-z]+$' } },
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('GAMMA');
  });
});
