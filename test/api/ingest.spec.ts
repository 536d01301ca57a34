import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { certificationFor, derivedManifest, fixtureCatalog, shippedManifest, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';
import { startTestServer } from './support/test-server.js';

afterAll(removeFixtures);

/** The one "catalog ingested" line of a start, parsed. */
function ingestLine(logs: string[]): Record<string, unknown> {
  const lines = logs.filter((l) => l.includes('"msg":"catalog ingested"'));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe.each(databaseKinds())('ingesting the shipped catalog at start (%s)', (kind) => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  it('is idempotent, records certification, and refuses a changed published version', async () => {
    db = await testDatabase(kind);
    const fixture = fixtureCatalog();
    const options = { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir };
    const VERSIONS = '{ components(first: 100) { totalCount nodes { name versions { version digest certification { level verified } } } } }';

    const first = await startTestServer(kind, options, db);
    const before = (await first.gql(VERSIONS)).body.data;
    expect(before.components.totalCount).toBe(3);
    const certifiedShipped = 1; // redis 8.2.0, signed by the fixture's certifier
    expect(ingestLine(first.logs)).toMatchObject({
      versionsShipped: 4,
      versionsAdded: 4,
      versionsAlreadyStored: 0,
      versionsRefused: 0,
      versionsCertified: certifiedShipped,
      certificationsRecordedNow: certifiedShipped,
    });
    await first.stop();

    // Restart on the same database: nothing added, nothing changed.
    const second = await startTestServer(kind, options, db);
    expect((await second.gql(VERSIONS)).body.data).toEqual(before);
    // A restart says how many versions are certified, apart from what it recorded (nothing): no "certified":0.
    expect(ingestLine(second.logs)).toMatchObject({
      versionsShipped: 4,
      versionsAdded: 0,
      versionsAlreadyStored: 4,
      versionsRefused: 0,
      versionsCertified: certifiedShipped,
      certificationsRecordedNow: 0,
    });
    expect(ingestLine(second.logs)).not.toHaveProperty('certified');
    await second.stop();

    // Someone edits a published manifest in place, and certifies nginx meanwhile.
    const nginx = shippedManifest('nginx', '1.30.1');
    writeFileSync(join(fixture.catalogDir, 'nginx', '1.30.1', 'certification.json'), certificationFor(nginx, fixture.privateKey));
    const pgFile = join(fixture.catalogDir, 'postgresql', '16.10.0', 'component.yaml');
    const edited = derivedManifest(shippedManifest('postgresql', '16.10.0'), { description: 'Edited after publishing.' });
    writeFileSync(pgFile, stringify(edited));
    expect(readFileSync(pgFile, 'utf8')).toContain('Edited after publishing');

    const third = await startTestServer(kind, options, db);
    const after = (await third.gql(VERSIONS)).body.data;
    const pg = (d: typeof before) => d.components.nodes.find((n: { name: string }) => n.name === 'postgresql');
    expect(pg(after)).toEqual(pg(before));
    const refused = third.logs.filter((l) => l.includes('"level":"error"') && l.includes('postgresql@16.10.0'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('differs from the published');
    const nginxAfter = after.components.nodes.find((n: { name: string }) => n.name === 'nginx');
    expect(nginxAfter.versions[0].certification).toEqual({ level: 'certified', verified: true });
    const ready = await fetch(`${third.url}/readyz`);
    expect(ready.status).toBe(200);
    await third.stop();
  });

  it('leaves out a scoped manifest in the catalog folder, saying why: the shipped catalog holds global names only', async () => {
    const fixture = fixtureCatalog();
    const scoped = derivedManifest(shippedManifest('nginx', '1.30.1'), { name: 'aisle/nginx' });
    mkdirSync(join(fixture.catalogDir, 'nginx', '9.0.0'));
    writeFileSync(join(fixture.catalogDir, 'nginx', '9.0.0', 'component.yaml'), stringify(derivedManifest(scoped, { version: '9.0.0' })));
    const t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    try {
      const said = t.logs.filter((l) => l.includes('"NAME_SCOPED_IN_CATALOG"'));
      expect(said).toHaveLength(1);
      expect(said[0]).toContain('aisle/nginx is in the scope of organization aisle: a catalog folder holds global names only');
      expect((await t.gql('{ a: component(name: "aisle/nginx") { name } n: component(name: "nginx") { versions { version } } }')).body.data).toEqual({
        a: null,
        n: { versions: [{ version: '1.30.1' }] },
      });
    } finally {
      await t.stop();
    }
  });
});
