import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureDocument } from './measure-document.js';
import { queryCost } from './query-cost.js';

const schema = buildSchema(`
  type Query { items(first: Int): ItemConnection! item: Item }
  type ItemConnection { nodes: [Item!]! }
  type Item { name: String! tags: [String!]! child: Item }
`);

/** `{ ...Fn }` where each fragment spreads the one below twice. */
function doubling(levels: number): string {
  let text = `{ ...F${levels} } fragment F0 on Query { item { name } }`;
  for (let i = 1; i <= levels; i++) text += ` fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`;
  return text;
}

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

describe('measureDocument', () => {
  const depth = (query: string) => measureDocument(schema, parse(query)).depth;
  it('counts nesting through fragments, not introspection', () => {
    expect(depth('{ item { child { name } } }')).toBe(3);
    expect(depth('{ item { child { child { name } } } }')).toBe(4);
    expect(depth('fragment F on Item { child { child { name } } } { item { ...F } }')).toBe(4);
    expect(depth('{ __schema { types { fields { type { ofType { name } } } } } }')).toBe(0);
  });

  it('measures a fragment once, however often it is spread: 2^40 fields in a few hundred characters', () => {
    const m = measureDocument(schema, parse(doubling(40)));
    expect(m.fields).toBe(2 ** 41);
    expect(m.cost).toBe(2 ** 41);
    expect(m.depth).toBe(2);
    // Beyond what a double holds exactly, sums saturate rather than turn to Infinity, or NaN once multiplied by first: 0.
    let items = 'fragment G0 on Item { name }';
    for (let i = 1; i <= 1200; i++) items += ` fragment G${i} on Item { ...G${i - 1} ...G${i - 1} }`;
    const none = measureDocument(schema, parse(`{ items(first: 0) { nodes { ...G1200 } } } ${items}`));
    expect(none).toEqual({ depth: 3, fields: Number.MAX_SAFE_INTEGER, cost: 1 });
    const some = measureDocument(schema, parse(`{ items(first: 2) { nodes { ...G1200 } } } ${items}`));
    expect(some.cost).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('is safe before validation: unknown fragments, unknown fields and cycles count as what they are', () => {
    expect(measureDocument(schema, parse('{ ...Missing nope { deeper } }')).fields).toBe(2);
    const cycle = measureDocument(schema, parse('{ ...A } fragment A on Query { item { name } ...B } fragment B on Query { ...A item { name } }'));
    expect(cycle.fields).toBe(4);
  });

  it('takes the deepest and costliest operation of a document, and the fields of all (all are validated)', () => {
    const m = measureDocument(schema, parse('query A { item { name } } query B { items(first: 3) { nodes { name child { name } } } }'));
    expect(m).toEqual({ depth: 4, fields: 2 + 5, cost: 1 + 3 * (1 + 1 + 2) });
  });
});
