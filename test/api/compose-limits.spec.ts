import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../apps/api/src/common/request-limits.js';
import { longestStall } from './support/event-loop-stall.js';
import { fixtureCatalog, removeFixtures } from './support/fixture-catalog.js';
import { startTestServer, type GqlResponse, type TestServer } from './support/test-server.js';

// The issue states it: no request stalls the event loop more than 200 ms.
const STALL_MS = 200;
const { instancesPerApp, instancesPerRequest, compositionText } = REQUEST_LIMITS;

function app(instances: number, component = 'redis'): string {
  return `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n${Array.from({ length: instances }, (_, i) => `  i${i}: { component: ${component} }\n`).join('')}`;
}

function aliases(count: number, field: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => field(i)).join(' ');
}

const codesAndPaths = (r: GqlResponse) => (r.body.errors ?? []).map((e) => [e.extensions?.code, (e as { path?: string[] }).path?.join('.')]);

// Composition is priced by what it composes; SQLite is enough (the database is not what is measured).
afterAll(removeFixtures);
describe('compose and validateInputs are priced by what they compose', () => {
  let t: TestServer;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer('sqlite', { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    // What the stall bound holds is the steady state: a first run also compiles the code it runs.
    for (const target of ['COMPOSE', 'HELM'])
      await t.gql(`query C($a: String!) { compose(app: $a, target: ${target}) { lock } }`, { a: app(instancesPerApp, 'postgresql') });
  });
  afterAll(async () => t?.stop());

  it('refuses an app of more instances than one app may have here, before composing it', async () => {
    const { result, stallMs } = await longestStall(() => t.gql('query C($a: String!) { compose(app: $a) { lock } }', { a: app(instancesPerApp + 50) }));
    expect(stallMs).toBeLessThan(STALL_MS);
    expect(codesAndPaths(result)).toEqual([['QUERY_TOO_COMPLEX', 'compose']]);
    expect(result.body.errors?.[0]?.message).toContain(`${instancesPerApp + 50} instances`);
    expect(result.body.errors?.[0]?.message).toContain(`at most ${instancesPerApp} per app`);
    // 5,000 instances are too much text to read in the first place.
    const huge = await t.gql('query C($a: String!) { compose(app: $a) { lock } }', { a: app(5000) });
    expect(codesAndPaths(huge)).toEqual([['QUERY_TOO_COMPLEX', 'compose']]);
    expect(huge.body.errors?.[0]?.message).toContain(`at most ${compositionText.toLocaleString('en-US')} characters`);
  });

  it('refuses 16 aliased composes of a 1,000-instance app at once, and counts instances over aliases', async () => {
    const sixteen = `query C($a: String!) { ${aliases(16, (i) => `c${i}: compose(app: $a) { lock }`)} }`;
    const { result, stallMs } = await longestStall(() => t.gql(sixteen, { a: app(1000) }));
    expect(stallMs).toBeLessThan(STALL_MS);
    expect(result.body.data).toBeNull();
    expect(new Set(codesAndPaths(result).map(([code]) => code))).toEqual(new Set(['QUERY_TOO_COMPLEX']));

    // Each app fits, all of them together do not: the request's budget runs out at the third.
    const perApp = instancesPerApp;
    const count = Math.floor(instancesPerRequest / perApp) + 1;
    const many = await t.gql(`query C($a: String!) { ${aliases(count, (i) => `c${i}: compose(app: $a) { lock }`)} }`, { a: app(perApp) });
    const refused = (many.body.errors ?? []).filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
    expect(refused.length).toBe(1);
    expect(refused[0]!.message).toContain(`at most ${instancesPerRequest} instances`);
    const fits = await t.gql(`query C($a: String!) { ${aliases(count - 1, (i) => `c${i}: compose(app: $a) { lock }`)} }`, { a: app(perApp) });
    expect(fits.body.errors).toBeUndefined();
  });

  it('counts validateInputs as one instance each against the same budget', async () => {
    // A document of 2,000 tokens holds about 150 aliased validateInputs: fill the rest with composes.
    const validations = 50;
    const composes = (instancesPerRequest - validations) / instancesPerApp;
    const query = (n: number) =>
      `query C($a: String!) { ${aliases(composes, (i) => `c${i}: compose(app: $a) { lock }`)} ${aliases(n, (i) => `v${i}: validateInputs(component: "redis", inputs: {}) { valid }`)} }`;
    const fits = await t.gql(query(validations), { a: app(instancesPerApp) });
    expect(fits.body.errors).toBeUndefined();
    const over = await t.gql(query(validations + 1), { a: app(instancesPerApp) });
    expect(codesAndPaths(over).map(([code]) => code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(over.body.errors?.[0]?.message).toContain(`${instancesPerRequest + 1} instances`);
  });

  it('prices the text composed: one variable reused by many aliases is parsed once per alias, and paid for each time', async () => {
    // Three of these fit the budget, four do not.
    const text = `${app(1)}# ${'x'.repeat(Math.floor(compositionText / 3) - app(1).length - 10)}\n`;
    const query = `query C($a: String!) { ${aliases(4, (i) => `c${i}: compose(app: $a) { lock }`)} }`;
    const r = await t.gql(query, { a: text });
    const refused = (r.body.errors ?? []).filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
    expect(refused.map((e) => (e as { path?: string[] }).path?.join('.'))).toEqual(['c3']);
    expect(refused[0]!.message).toContain(`${compositionText.toLocaleString('en-US')} characters`);
    const inputs = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'value']));
    const big = await t.gql(`query V($i: JSONObject!) { ${aliases(3, (i) => `v${i}: validateInputs(component: "redis", inputs: $i) { valid }`)} }`, {
      i: inputs,
    });
    expect(codesAndPaths(big).map(([code]) => code)).toContain('QUERY_TOO_COMPLEX');
  });

  it('keeps the largest request it allows quick', async () => {
    const query = `query C($a: String!) { ${aliases(instancesPerRequest / instancesPerApp, (i) => `c${i}: compose(app: $a, target: HELM) { lock files { path content } }`)} }`;
    const { result, stallMs } = await longestStall(() => t.gql(query, { a: app(instancesPerApp, 'postgresql') }));
    expect(result.body.errors).toBeUndefined();
    expect(stallMs).toBeLessThan(STALL_MS);
  });

  it('logs none of these refusals as errors: the request is at fault, not the service', () => {
    expect(t.logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
