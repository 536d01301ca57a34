import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aisle } from '../bundles/cli-in-process.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const OUTDATED = `query O($lock: String!, $app: String) {
  outdated(lock: $lock, app: $app) { app target outdated instances { instance component current wanted latest range outdated toWanted toLatest note } }
}`;
const PLAN = `query P($lock: String!, $app: String, $instance: String, $to: String) {
  upgradePlan(lock: $lock, app: $app, instance: $instance, to: $to) {
    app target instances { instance component from to migrations data } ranges { instance component }
    refusals { code path message } warnings { code path }
  }
}`;

/** A bundle of one component version made by the CLI (`aisle get`): its folder and its lock's text. */
async function bundleOf(reference: string): Promise<{ cwd: string; lock: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'aisle-api-daytwo-'));
  const got = await aisle(['get', reference, '--out', 'b'], cwd);
  expect(got.code, got.err).toBe(0);
  return { cwd, lock: readFileSync(join(cwd, 'b/aisle.lock'), 'utf8') };
}

// The shipped catalog is loaded and verified by the CLI and by the server: slow on a busy machine.
describe('GraphQL outdated and upgradePlan (issue 11)', { timeout: 180_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  }, 180_000);
  afterAll(async () => t?.stop());

  it('lists the newest 8.4 patch as wanted and the latest for a lock made from mysql 8.4.0, as `aisle outdated --json` does', async () => {
    const { cwd, lock } = await bundleOf('mysql@8.4.0');
    const r = await t.gql(OUTDATED, { lock });
    expect(r.body.errors).toBeUndefined();
    const answer = r.body.data!.outdated as { instances: Record<string, unknown>[] };
    expect(answer).toMatchObject({ app: 'mysql', target: 'compose', outdated: 1 });
    expect(answer.instances).toEqual([expect.objectContaining({ instance: 'mysql', current: '8.4.0', wanted: '8.4.11', latest: '26.7.0', outdated: true })]);
    const cli = JSON.parse((await aisle(['outdated', 'b', '--json'], cwd)).out).result;
    expect({ ...answer, instances: answer.instances.map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== null))) }).toEqual(cli);

    const plan = await t.gql(PLAN, { lock });
    expect(plan.body.errors).toBeUndefined();
    expect(plan.body.data!.upgradePlan).toMatchObject({ instances: [{ instance: 'mysql', from: '8.4.0', to: '8.4.11' }], refusals: [] });
  });

  it('carries the data note of a postgresql 17 → 18 plan, and the refusal `aisle upgrade` gives until the data step is done', async () => {
    const { lock } = await bundleOf('postgresql@17.11.0');
    const r = await t.gql(PLAN, { lock, to: '^18' });
    expect(r.body.errors).toBeUndefined();
    const plan = r.body.data!.upgradePlan as Record<string, any>;
    expect(plan.instances).toEqual([expect.objectContaining({ from: '17.11.0', to: '18.6.0' })]);
    expect(plan.instances[0].data.join(' ')).toContain('PostgreSQL 18 cannot read the data of 17');
    expect(plan.ranges).toEqual([{ instance: 'postgresql', component: 'postgresql@^18' }]);
    expect(plan.refusals).toEqual([expect.objectContaining({ code: 'UPGRADE_DATA_STEP', path: 'postgresql.component' })]);
  });

  it("takes wanted from the app spec's range, and refuses a spec that is not the bundle's", async () => {
    const { lock } = await bundleOf('mysql@8.4.0');
    const app = (component: string, instance = 'mysql') =>
      `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: mysql }\ninstances:\n  ${instance}: { component: "${component}" }\n`;
    const r = await t.gql(OUTDATED, { lock, app: app('mysql@8.4.1') });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data!.outdated as { instances: unknown[] }).instances).toEqual([
      expect.objectContaining({ current: '8.4.0', wanted: '8.4.1', range: '8.4.1' }),
    ]);
    const plan = await t.gql(PLAN, { lock, app: app('mysql@8.4.1') });
    expect(plan.body.data!.upgradePlan).toMatchObject({ instances: [{ from: '8.4.0', to: '8.4.1' }] });
    const other = await t.gql(PLAN, { lock, app: app('mysql@8.4.1', 'db') });
    expect(other.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(other.body.errors![0]!.extensions!.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'LOCK_MISMATCH', path: 'db' })]));
  });

  it('refuses a bad lock as BAD_USER_INPUT naming the field at fault in a plain sentence', async () => {
    const { lock } = await bundleOf('mysql@8.4.0');
    for (const query of [OUTDATED, PLAN]) {
      const r = await t.gql(query, { lock: lock.replace(/version: 8\.4\.0/, 'version: eight') });
      expect(r.body.data).toBeNull();
      expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0]!.extensions!.problems).toEqual([
        expect.objectContaining({ code: 'LOCK_INVALID', path: 'instances.mysql.version', message: 'must be an exact version' }),
      ]);
    }
    const notALock = await t.gql(OUTDATED, { lock: 'kind: App\n' });
    expect(notALock.body.errors![0]!.extensions!.problems).toEqual([expect.objectContaining({ code: 'LOCK_INVALID', path: 'lock' })]);
  });

  it('reads at most as many characters of a lock as compose reads of an app spec', async () => {
    const r = await t.gql(OUTDATED, { lock: `# ${'x'.repeat(20_000)}\napiVersion: aisle.dev/v1\n` });
    expect(r.body.errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors![0]!.message).toMatch(/reads at most 16,384 characters/);
  });
});
