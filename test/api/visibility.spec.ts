import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedManifest, fixtureCatalog, shippedManifest, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type GqlResponse, type TestServer } from './support/test-server.js';

const PRIVATE = 'acme/vault';

afterAll(removeFixtures);
describe.each(databaseKinds())('private components (%s)', (kind) => {
  let t: TestServer;
  const tokens: Record<string, string | undefined> = {};
  let lock: string | undefined;

  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    tokens.acme = await t.token('acme', ['publish']);
    tokens.acmeReader = await t.token('acme', []);
    tokens.globex = await t.token('globex', ['publish', 'certify', 'admin']);
    tokens.anonymous = undefined;
    const m = derivedManifest(shippedManifest('postgresql', '16.10.0'), { name: PRIVATE, version: '1.0.0', aisle: 'secrets' });
    const r = await t.gql('mutation P($m: String!) { publishComponent(manifest: $m, visibility: PRIVATE) { created } }', { m: stringify(m) }, tokens.acme);
    expect(r.body.data.publishComponent.created).toBe(true);
  });
  afterAll(async () => t?.stop());

  /** A lock the organization composed: handed to someone else, its plans are no way to learn the component exists. */
  async function acmeLock(): Promise<string> {
    if (lock !== undefined) return lock;
    const app = `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: x }\ninstances:\n  v: { component: ${PRIVATE} }\n`;
    const r = await t.gql('query C($app: String!) { compose(app: $app) { lock } }', { app }, tokens.acme);
    lock = (r.body.data as { compose: { lock: string } }).compose.lock;
    return lock;
  }

  /** What each path shows a viewer: everything that could reveal the component. */
  async function sees(token: string | undefined): Promise<Record<string, unknown>> {
    const browse = await t.gql(
      `{ aisles { name components }
         all: components(first: 100) { totalCount nodes { name } }
         search: components(search: "acme vault") { totalCount nodes { name } }
         aisle: components(aisle: "secrets") { totalCount nodes { name } }
         component(name: "${PRIVATE}") { name visibility latest { version } } }`,
      undefined,
      token,
    );
    expect(browse.body.errors).toBeUndefined();
    const d = browse.body.data;
    const validate = await t.gql(`{ validateInputs(component: "${PRIVATE}", inputs: {}) { valid } }`, undefined, token);
    const app = `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: x }\ninstances:\n  v: { component: ${PRIVATE} }\n`;
    const compose = await t.gql('query C($app: String!) { compose(app: $app) { lock } }', { app }, token);
    const lock = await acmeLock();
    const outdated = await t.gql('query O($lock: String!) { outdated(lock: $lock) { outdated } }', { lock }, token);
    const plan = await t.gql('query P($lock: String!) { upgradePlan(lock: $lock) { refusals { code } } }', { lock }, token);
    return {
      aisle: d.aisles.some((a: { name: string }) => a.name === 'secrets'),
      list: d.all.nodes.some((n: { name: string }) => n.name === PRIVATE),
      total: d.all.totalCount,
      search: d.search.totalCount,
      byAisle: d.aisle.totalCount,
      component: d.component !== null,
      validate: outcome(validate),
      compose: outcome(compose),
      outdated: outcome(outdated),
      upgradePlan: outcome(plan),
    };
  }

  it('is seen by its organization, whatever the token’s scopes', async () => {
    for (const token of [tokens.acme, tokens.acmeReader]) {
      expect(await sees(token)).toEqual({
        aisle: true,
        list: true,
        total: 4,
        search: 1,
        byAisle: 1,
        component: true,
        validate: 'ok',
        compose: 'ok',
        outdated: 'ok',
        upgradePlan: 'ok',
      });
    }
  });

  it('does not exist for anyone else, on every path, never "forbidden"', async () => {
    for (const token of [tokens.anonymous, tokens.globex]) {
      expect(await sees(token)).toEqual({
        aisle: false,
        list: false,
        total: 3,
        search: 0,
        byAisle: 0,
        component: false,
        validate: 'NOT_FOUND',
        compose: 'NOT_FOUND',
        outdated: 'BAD_USER_INPUT',
        upgradePlan: 'BAD_USER_INPUT',
      });
    }
  });

  it('answers the same way as for a component that does not exist', async () => {
    const missing = await t.gql('{ validateInputs(component: "acme/nothing", inputs: {}) { valid } }');
    const hidden = await t.gql(`{ validateInputs(component: "${PRIVATE}", inputs: {}) { valid } }`);
    expect(hidden.body.errors?.[0]?.message.replace(PRIVATE, 'X')).toBe(missing.body.errors?.[0]?.message.replace('acme/nothing', 'X'));
    expect(hidden.text).not.toContain('forbidden');
    const OUTDATED = 'query O($lock: String!) { outdated(lock: $lock) { outdated } }';
    const lock = await acmeLock();
    const hiddenLock = await t.gql(OUTDATED, { lock });
    const missingLock = await t.gql(OUTDATED, { lock: lock.replaceAll(PRIVATE, 'acme/nothing') });
    expect(hiddenLock.body.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ code: 'LOCK_MISMATCH', path: 'v.component' })]);
    expect(JSON.stringify(hiddenLock.body.errors).replaceAll(PRIVATE, 'X')).toBe(JSON.stringify(missingLock.body.errors).replaceAll('acme/nothing', 'X'));
  });
});

function outcome(r: GqlResponse): string {
  return r.body.errors ? String(r.body.errors[0]?.extensions?.code) : 'ok';
}
