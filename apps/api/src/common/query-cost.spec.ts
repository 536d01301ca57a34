import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimitRule } from './depth-limit-rule.js';
import { queryCost } from './query-cost.js';

const schema = buildSchema(`
  type Query { items(first: Int): ItemConnection! item: Item }
  type ItemConnection { nodes: [Item!]! }
  type Item { name: String! tags: [String!]! child: Item }
`);

describe('queryCost', () => {
  it('multiplies by first (literal or variable) and by an assumed size for other lists', () => {
    expect(queryCost(schema, parse('{ item { name } }'), {})).toBe(2);
    expect(queryCost(schema, parse('{ items(first: 5) { nodes { name } } }'), {})).toBe(1 + 5 * (1 + 1));
    expect(queryCost(schema, parse('query Q($n: Int) { items(first: $n) { nodes { name } } }'), { n: 50 })).toBe(1 + 50 * 2);
    expect(queryCost(schema, parse('query Q($n: Int) { items(first: $n) { nodes { name } } }'), {})).toBe(1 + 100 * 2);
    expect(queryCost(schema, parse('{ item { tags } }'), {})).toBe(2);
    expect(queryCost(schema, parse('fragment F on Item { name child { name } } { item { ...F } }'), {})).toBe(1 + 1 + 2);
  });
});

describe('depthLimitRule', () => {
  const depthErrors = (query: string) => validate(schema, parse(query), [depthLimitRule(3)]).map((e) => e.extensions.code);
  it('counts nesting through fragments, not introspection', () => {
    expect(depthErrors('{ item { child { name } } }')).toEqual([]);
    expect(depthErrors('{ item { child { child { name } } } }')).toEqual(['QUERY_TOO_DEEP']);
    expect(depthErrors('fragment F on Item { child { child { name } } } { item { ...F } }')).toEqual(['QUERY_TOO_DEEP']);
    expect(depthErrors('{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual([]);
  });
});
