import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestStall } from './support/event-loop-stall.js';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type GqlResponse, type TestServer } from './support/test-server.js';

// Issue 8 items 4, 5, 8 and 9 as they were seen: over HTTP, a publisher's manifest then an anonymous caller.
const STALL_MS = 200;
const PUBLISH = 'mutation($m: String!) { publishComponent(manifest: $m) { created version { version } } }';
const VALIDATE = 'query($c: String!, $i: JSONObject!) { validateInputs(component: $c, range: "*", inputs: $i) { valid errors { path code message } } }';
const COMPOSE = 'query($a: String!) { compose(app: $a, target: COMPOSE) { files { path } } }';

const codes = (r: GqlResponse) => (r.body.errors ?? []).map((e) => e.extensions?.code);
const problemCodes = (r: GqlResponse) => (r.body.errors ?? []).flatMap((e) => (e.extensions?.problems ?? []).map((p) => `${p.path}:${p.code}`));

afterAll(removeFixtures);
describe.each(databaseKinds())('hostile components over HTTP (%s)', (kind) => {
  let t: TestServer;
  let publisher: string;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    publisher = await t.token('evil', ['publish']);
  });
  afterAll(async () => t?.stop());

  /** A manifest derived from a shipped one, with one input replaced. */
  function withInput(name: string, input: Record<string, unknown>): ReturnType<typeof shippedManifest> {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name, version: '1.0.0' });
    m.spec.inputs.properties = { ...m.spec.inputs.properties, probe: input as never };
    return m;
  }

  it('runs a published nested-quantifier pattern for anonymous callers in linear time (item 4)', async () => {
    const published = await t.gql(
      PUBLISH,
      { m: stringify(withInput('redos', { type: 'string', pattern: '^(a+)+$', default: 'a', description: 'x' })) },
      publisher,
    );
    expect(published.body.errors).toBeUndefined();
    for (const length of [30, 5_000]) {
      const { result, stallMs } = await longestStall(() => t.gql(VALIDATE, { c: 'redos', i: { probe: `${'a'.repeat(length)}!` } }));
      expect(stallMs).toBeLessThan(STALL_MS);
      expect(result.body.data.validateInputs.valid).toBe(false);
      expect(result.body.data.validateInputs.errors.map((e: { path: string }) => e.path)).toEqual(['probe']);
    }
  });

  it('refuses at publish a secret whose generated length would be 20,000,000 characters (item 5)', async () => {
    const m = withInput('huge-secret', { type: 'string', writeOnly: true, minLength: 20_000_000, 'x-aisle-generate': 'password', description: 'x' });
    const answer = await t.gql(PUBLISH, { m: stringify(m) }, publisher);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(problemCodes(answer).some((p) => p.startsWith('spec.inputs.properties.probe.minLength:'))).toBe(true);
    expect((await t.gql('query { component(name: "huge-secret") { name } }')).body.data.component).toBeNull();
  });

  it('never echoes a secret from a YAML error inside an input value (item 8)', async () => {
    const app =
      'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql@^16\n    inputs:\n      password: Hunter2: pass-1234\n';
    const answer = await t.gql(COMPOSE, { a: app });
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.text).not.toContain('Hunter2');
    expect(answer.text).not.toContain('pass-1234');
    expect(t.logs.join('\n')).not.toContain('Hunter2');
  });

  it('answers a lone surrogate in an input value as bad input, never INTERNAL_SERVER_ERROR (item 9)', async () => {
    const validated = await t.gql(VALIDATE, { c: 'postgresql', i: { database: 'shop\uD800' } });
    expect(validated.body.errors).toBeUndefined();
    expect(validated.body.data.validateInputs.errors.map((e: { path: string }) => e.path)).toEqual(['database']);
    const app = JSON.stringify({
      apiVersion: 'aisle.dev/v1',
      kind: 'App',
      metadata: { name: 'shop' },
      instances: { db: { component: 'postgresql@^16', inputs: { database: 'shop\uD800' } } },
    });
    const composed = await t.gql(COMPOSE, { a: app });
    expect(codes(composed)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a manifest whose runtime.command is a string as bad input at its path, never INTERNAL_SERVER_ERROR (item 9)', async () => {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'string-command', version: '1.0.0' }) as unknown as {
      spec: { runtime: Record<string, unknown> };
    };
    m.spec.runtime.command = 'sh -c id';
    const answer = await t.gql(PUBLISH, { m: stringify(m) }, publisher);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(problemCodes(answer)).toContain('spec.runtime.command:SCHEMA_VIOLATION');
  });
});
