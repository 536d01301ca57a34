import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// The service compiles a query (graphql-jit) once it has seen it before: from the second
// execution on, answers come from compiled code, so each must equal the first, interpreted one.
const QUERIES: Array<[string, Record<string, unknown> | undefined]> = [
  [
    '{ components(first: 20) { edges { cursor node { name aisle latest { version digest image inputs { name type required default secret description } } } } pageInfo { hasNextPage endCursor } } }',
    undefined,
  ],
  [
    'query P($first: Int, $after: String) { components(first: $first, after: $after) { totalCount nodes { name visibility organization } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
    { first: 1 },
  ],
  ['query P($first: Int, $after: String) { components(first: $first, after: $after) { totalCount nodes { name } } }', { first: 2, after: 'bm90LWEtY3Vyc29y' }],
  ['query P($first: Int) { components(first: $first) { totalCount } }', { first: 1000 }],
  ['query Q($n: Int) { components(first: $n) { totalCount } }', { n: 'many-items' }],
  [
    '{ component(name: "postgresql") { name versions { version title description publisher license keywords provides inputsSchema outputs { name description } certification { level verified certifier issuedAt reason } deprecated publishedAt inputs { name type required default secret generated description enum } } } }',
    undefined,
  ],
  ['{ component(name: "redis") { version(range: "^8") { version digest } none: version(range: "^99") { version } } }', undefined],
  ['{ component(name: "redis") { version(range: "not a range") { version } } }', undefined],
  ['{ component(name: "no-such-component") { name } }', undefined],
  ['{ aisles { name components } }', undefined],
  [
    'query V($i: JSONObject!) { validateInputs(component: "postgresql", inputs: $i) { valid version errors { path message code } } }',
    { i: { password: 'hunter2', port: 'eighty' } },
  ],
  ['query V($i: JSONObject!) { validateInputs(component: "postgresql", inputs: $i) { valid } }', { i: 'not an object' }],
  ['{ validateInputs(component: "no-such-component", inputs: {}) { valid } }', undefined],
];

afterAll(removeFixtures);
describe.each(databaseKinds())('compiled queries (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir, responseCache: false });
  });
  afterAll(async () => t?.stop());

  it.each(QUERIES.map(([query, variables], i) => [i, query, variables] as const))(
    'query %i answers the same on every execution',
    async (_i, query, variables) => {
      const first = await t.gql(query, variables);
      for (let n = 0; n < 3; n++) {
        const again = await t.gql(query, variables);
        expect({ status: again.status, text: again.text }).toEqual({ status: first.status, text: first.text });
      }
    },
  );
});
