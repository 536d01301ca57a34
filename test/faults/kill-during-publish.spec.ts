import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenStore } from '../../apps/api/src/auth/token-store.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { derivedManifest, shippedManifest } from '../api/support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from '../api/support/test-databases.js';
import { FUZZ_SEED } from '../fuzz/fuzz-config.js';
import { startBuiltServer, urlWithSchema } from './support/built-server.js';
import { readStoredCatalog } from './support/catalog-integrity.js';
import { gql, PUBLISH } from './support/graphql.js';

// Each round starts the built service, warms it with one publish, lets WRITERS publish concurrently, and kills it
// with SIGKILL at a moment drawn from the fixed seed: a few milliseconds after its k-th acknowledgement.
const ROUNDS = 3;
const WRITERS = 5;
const base = shippedManifest('redis', '8.2.1');

/** The manifest writer `w` publishes as its n-th of round r: its own component, and versions of one they all share. */
function manifestFor(round: number, writer: number, n: number) {
  const shared = n % 2 === 1;
  return shared
    ? derivedManifest(base, {
        name: 'fault-shared',
        version: `${round + 1}.${writer}.${n}`,
        description: `Shared, round ${round}, writer ${writer}, publish ${n}.`,
      })
    : derivedManifest(base, { name: `fault-w${writer}`, version: `${round + 1}.0.${n}`, description: `Writer ${writer}, round ${round}, publish ${n}.` });
}

describe.each(databaseKinds())('kill -9 during concurrent publishes (%s)', (kind) => {
  let db: TestDatabase;
  let databaseUrl: string;
  let token: string;

  beforeAll(async () => {
    db = await testDatabase(kind);
    const ds = await createDataSource({ url: db.url, schema: db.schema });
    token = (await new TokenStore(ds).create('faults', ['publish'])).token;
    await ds.destroy();
    databaseUrl = db.schema ? urlWithSchema(db.url, db.schema) : db.url;
  });
  afterAll(async () => db?.drop());

  it('keeps every acknowledged publish, with its digest, and leaves nothing partial', { timeout: 80_000 }, async () => {
    const moments = fc.sample(fc.record({ acks: fc.integer({ min: 1, max: 2 * WRITERS }), ms: fc.integer({ min: 0, max: 200 }) }), {
      seed: FUZZ_SEED + (kind === 'postgres' ? 1 : 0),
      numRuns: ROUNDS,
    });
    const acknowledged = new Map<string, string>();
    let interrupted = 0;
    const unexpected: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startBuiltServer({ DATABASE_URL: databaseUrl });
      // Also creates the shared component before the writers race to add versions to it.
      const warm = derivedManifest(base, { name: 'fault-shared', version: `${round + 1}.9.0` });
      const warmed = await gql(server.url, PUBLISH, { m: stringify(warm) }, token);
      expect(warmed.body.errors).toBeUndefined();
      acknowledged.set(`fault-shared@${round + 1}.9.0`, manifestDigest(warm));
      let killed = false;
      let roundAcks = 0;
      let kill!: () => void;
      const killing = new Promise<void>((resolve) => (kill = resolve));
      const writers = Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; !killed; n++) {
          const m = manifestFor(round, writer, n);
          try {
            const r = await gql(server.url, PUBLISH, { m: stringify(m) }, token);
            // Anything but an acknowledgement or a clean retryable refusal is a failure of the test.
            if (r.body.errors) {
              if (r.body.errors.some((e) => e.extensions?.code !== 'SERVICE_UNAVAILABLE' || e.extensions.retryable !== true))
                unexpected.push(JSON.stringify(r.body.errors));
              continue;
            }
            const { version } = r.body.data.publishComponent;
            if (version.digest !== manifestDigest(m)) unexpected.push(`${version.name}@${version.version} acknowledged with digest ${version.digest}`);
            acknowledged.set(`${version.name}@${version.version}`, version.digest);
            if (++roundAcks === moments[round]!.acks) setTimeout(kill, moments[round]!.ms);
          } catch (e) {
            if (!killed) unexpected.push(`no answer before the kill: ${(e as Error).message}`);
            interrupted++;
            return;
          }
        }
      });
      const stalled = setTimeout(kill, 20_000);
      await killing;
      clearTimeout(stalled);
      killed = true;
      await server.kill();
      await Promise.all(writers);
      expect(unexpected, server.output().slice(-3000)).toEqual([]);
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * 2);
    expect(interrupted).toBeGreaterThan(0);

    // After a restart the service serves every acknowledged version, and the rows agree with each other.
    const server = await startBuiltServer({ DATABASE_URL: databaseUrl });
    try {
      const names = [...new Set([...acknowledged.keys()].map((k) => k.split('@')[0]!))];
      for (const name of names) {
        const r = await gql(server.url, 'query C($n: String!) { component(name: $n) { versions { version digest } } }', { n: name }, token);
        const served = new Map<string, string>(r.body.data.component.versions.map((v: { version: string; digest: string }) => [v.version, v.digest]));
        for (const [key, digest] of acknowledged) if (key.startsWith(`${name}@`)) expect(served.get(key.slice(name.length + 1)), key).toBe(digest);
      }
    } finally {
      await server.stop();
    }
    const ds = await createDataSource({ url: db.url, schema: db.schema });
    try {
      const stored = await readStoredCatalog(ds, db.schema);
      expect(stored.problems).toEqual([]);
      // Every publish moves the generation in the transaction that writes its version: one each, none lost, none extra.
      expect(stored.generation).toBe([...stored.versions.values()].reduce((n, v) => n + v.size, 0));
      for (const [key, digest] of acknowledged) {
        const [name, version] = key.split('@') as [string, string];
        expect(stored.versions.get(name)?.get(version), key).toBe(digest);
      }
    } finally {
      await ds.destroy();
    }
  });
});
