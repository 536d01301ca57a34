import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const SECRET = 'Tiny$ecret9';

afterAll(removeFixtures);
describe.each(databaseKinds())('bad input over HTTP (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir, logLevel: 'debug' });
  });
  afterAll(async () => t?.stop());

  async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> } };
  }

  const expectClean = (r: { status: number; text: string; body: { errors: Array<{ message: string; extensions: { code: string } }> } }, code: string) => {
    expect(r.status).toBeLessThan(500);
    expect(r.body.errors.length).toBeGreaterThan(0);
    expect(r.body.errors.map((e) => e.extensions.code)).toContain(code);
    for (const e of r.body.errors) expect(e.message.length).toBeGreaterThan(0);
    expect(r.text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(r.text).not.toContain('stack');
  };

  it('malformed GraphQL', async () => {
    const r = await t.gql('{ aisles { name }');
    expectClean(r as never, 'GRAPHQL_PARSE_FAILED');
    expect(r.status).toBe(400);
  });

  it('unknown fields', async () => {
    const r = await t.gql('{ aisles { name shelfLife } }');
    expectClean(r as never, 'GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors?.[0]?.message).toContain('shelfLife');
  });

  it('wrong variable types, without echoing the value', async () => {
    const r = await t.gql('query Q($n: Int) { components(first: $n) { totalCount } }', { n: 'many-items' });
    expectClean(r as never, 'BAD_USER_INPUT');
    expect(r.text).not.toContain('many-items');
    const secret = await t.gql('query V($i: JSONObject!) { validateInputs(component: "postgresql", inputs: $i) { valid } }', { i: SECRET });
    expectClean(secret as never, 'BAD_USER_INPUT');
    expect(secret.text).not.toContain(SECRET);
  });

  it('a 5 MB body', async () => {
    const big = JSON.stringify({ query: '{ aisles { name } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } });
    const r = await post(big);
    expectClean(r, 'PAYLOAD_TOO_LARGE');
    expect(r.status).toBe(413);
  });

  it('a body that is not JSON, and no query at all', async () => {
    expectClean(await post('{"query": "{ aisles { name } }"'), 'BAD_USER_INPUT');
    expectClean(await post('{}'), 'BAD_USER_INPUT');
  });

  it('requests of the wrong shape: a query that is not GraphQL text, a mutation over GET, odd variables', async () => {
    expectClean(await post(JSON.stringify({ query: 123 })), 'GRAPHQL_PARSE_FAILED');
    expectClean(
      await post(JSON.stringify({ query: JSON.stringify({ kind: 'Document', definitions: [{ kind: 'OperationDefinition' }] }) })),
      'GRAPHQL_PARSE_FAILED',
    );
    expectClean(await post(JSON.stringify({ query: '{ aisles { name } }', variables: [1] })), 'BAD_USER_INPUT');
    expectClean(await post(JSON.stringify({ query: '{ aisles { name } }', operationName: 'Nope' })), 'BAD_USER_INPUT');
    expectClean(await post(JSON.stringify({ query: 'query A { aisles { name } } query B { aisles { name } }' })), 'BAD_USER_INPUT');
    const get = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent('mutation { deprecateComponentVersion(component: "redis", version: "8.2.0", reason: "x") { version } }')}`,
    );
    const text = await get.text();
    expectClean({ status: get.status, text, body: JSON.parse(text) }, 'BAD_USER_INPUT');
    expect(t.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  it('deeply nested queries, before execution', async () => {
    const deep = `{ aisles ${'{ name '.repeat(12)}${'}'.repeat(12)} }`;
    expectClean((await t.gql(deep)) as never, 'QUERY_TOO_DEEP');
    const absurd = `{ aisles ${'{ a '.repeat(5000)}${'}'.repeat(5000)} }`;
    expectClean((await t.gql(absurd)) as never, 'GRAPHQL_PARSE_FAILED');
  });

  it('queries too costly to run', async () => {
    const r = await t.gql('{ components(first: 100) { nodes { versions { inputs { name description } outputs { name } } } } }');
    expectClean(r as never, 'QUERY_TOO_COMPLEX');
    const byVariable = 'query Q($n: Int) { components(first: $n) { nodes { versions { inputs { name description } outputs { name } } } } }';
    expectClean((await t.gql(byVariable, { n: 100 })) as never, 'QUERY_TOO_COMPLEX');
    expect((await t.gql(byVariable, { n: 2 })).body.errors).toBeUndefined();
    const fine = await t.gql('{ components(first: 50) { nodes { name latest { version inputs { name type } certification { level } } } } }');
    expect(fine.body.errors).toBeUndefined();
  });

  it('an invalid manifest to publishComponent', async () => {
    const token = await t.token('acme', ['publish']);
    const r = await t.gql(
      'mutation P($m: String!) { publishComponent(manifest: $m) { created } }',
      { m: 'apiVersion: aisle.dev/v1\nkind: Component\nmetadata: { name: "Bad Name" }\n' },
      token,
    );
    expectClean(r as never, 'BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.extensions?.problems?.map((p) => p.path)).toEqual(expect.arrayContaining(['metadata.name', 'spec']));
  });

  it('secrets in validateInputs are never echoed: not in errors, responses or logs', async () => {
    const query = 'query V($i: JSONObject!) { validateInputs(component: "postgresql", inputs: $i) { valid errors { path message code } } }';
    const r = await t.gql(query, { i: { password: SECRET, passwrd: SECRET, database: SECRET } });
    expect(r.body.data.validateInputs.valid).toBe(false);
    expect(r.body.data.validateInputs.errors.map((e: { path: string }) => e.path).sort()).toEqual(['database', 'password', 'passwrd']);
    expect(r.text).not.toContain(SECRET);
    const literal = await t.gql(
      `{ validateInputs(component: "postgresql", inputs: { password: "${SECRET}", port: { nested: "${SECRET}" } }) { valid errors { message } } }`,
    );
    expect(literal.text).not.toContain(SECRET);
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toContain(SECRET);
  });

  it('never logs tokens', async () => {
    const token = await t.token('acme', ['publish']);
    await t.gql('{ aisles { name } }', undefined, token);
    await t.gql('{ aisles { name } }', undefined, `${token}x`);
    expect(t.logs.join('\n')).not.toContain(token);
  });
});
