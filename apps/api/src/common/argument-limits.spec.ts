import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentLengthProblems } from './argument-limits.js';

const schema = buildSchema(`
  type Query { components(search: String, first: Int): [Item!]! compose(app: String!): String item(name: String): Item }
  type Item { name: String! version(range: String!): String }
`);
const long = 'x'.repeat(1001);

describe('argumentLengthProblems', () => {
  it('bounds every string argument, literal or variable, and names it by response path', () => {
    const problems = argumentLengthProblems(
      schema,
      parse(`query Q($s: String) { found: item(name: "${long}") { version(range: $s) } components(search: $s) { name } }`),
      { s: long },
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['INPUT_INVALID', 'found.name'],
      ['INPUT_INVALID', 'found.version.range'],
      ['INPUT_INVALID', 'components.search'],
    ]);
    expect(problems[2]!.message).toBe('must be at most 200 characters (it has 1,001)');
    expect(JSON.stringify(problems)).not.toContain('xxxxxxxxxx');
  });

  it('leaves documents to their own bounds, and shorter strings alone', () => {
    expect(argumentLengthProblems(schema, parse(`{ compose(app: "${'y'.repeat(100_000)}") item(name: "redis") { name } }`), undefined)).toEqual([]);
  });

  it('reads a fragment once, however often it is spread', () => {
    const problems = argumentLengthProblems(schema, parse(`{ a: item { ...F } b: item { ...F } } fragment F on Item { version(range: "${long}") }`), undefined);
    expect(problems.map((p) => p.path)).toEqual(['version.range']);
  });
});
