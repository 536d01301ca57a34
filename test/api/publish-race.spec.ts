import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UNCERTIFIED } from '../../libs/catalog/index.js';
import { createTrustStore } from '../../libs/certify/index.js';
import { manifestDigest } from '../../libs/manifest/index.js';
import { authorizeCaller, type Actor } from '../../apps/api/src/auth/authorize.js';
import { CatalogRepository } from '../../apps/api/src/catalog/catalog.repository.js';
import { ApiError } from '../../apps/api/src/common/api-error.js';
import { createDataSource } from '../../apps/api/src/database/create-data-source.js';
import { PublishingService } from '../../apps/api/src/publishing/publishing.service.js';
import type { DataSource } from 'typeorm';
import { derivedManifest, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds, testDatabase, type TestDatabase } from './support/test-databases.js';

const ROUNDS = 20;
const base = shippedManifest('redis', '8.2.1');
const actor = (organization: string): Actor => authorizeCaller({ organization, scopes: ['publish'] } as never, 'publishComponent');

/** What a publish settled to: "created", or the code of the error it was refused with (anything else is a crash). */
async function settle(p: Promise<{ created: boolean }>): Promise<string> {
  try {
    return (await p).created ? 'created' : 'unchanged';
  } catch (e) {
    if (e instanceof ApiError) return `${e.diagnostics[0]?.code}@${e.diagnostics[0]?.path}`;
    return `crash: ${(e as Error).message}`;
  }
}

afterAll(removeFixtures);
// The service itself, without HTTP in between: every publish of a round is in the database at the same moment.
describe.each(databaseKinds())('publishes racing to create one component, in one process (%s)', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let repository: CatalogRepository;
  let service: PublishingService;
  beforeEach(async () => {
    db = await testDatabase(kind);
    ds = await createDataSource({ url: db.url, schema: db.schema });
    repository = new CatalogRepository(ds);
    service = new PublishingService(repository, createTrustStore([]));
  });
  afterEach(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const stored = async (name: string) => {
    const component = await repository.anyByName(name);
    if (!component) return undefined;
    const versions = ((await repository.versionsOf([component.id])).get(component.id) ?? []).map((v) => v.version).sort();
    return { organization: component.organization, versions };
  };

  it('different versions of a new component from one organization: each one is published', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const name = round % 2 === 0 ? `acme/new-${round}` : `new-${round}`;
      const versions = ['1.0.0', '1.1.0', '1.2.0', '2.0.0'];
      const answers = await Promise.all(
        versions.map((version) => settle(service.publish(actor('acme'), stringify(derivedManifest(base, { name, version })), undefined))),
      );
      expect(answers).toEqual(versions.map(() => 'created'));
      expect(await stored(name)).toEqual({ organization: 'acme', versions });
    }
  });

  it('two organizations creating one global name: one owns it, the other is NOT_OWNER on metadata.name as if it came second', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const name = `contested-${round}`;
      const versions = round % 2 === 0 ? ['1.0.0', '1.0.0'] : ['1.0.0', '1.1.0'];
      const orgs = ['acme', 'globex'];
      const answers = await Promise.all(
        orgs.map((org, i) => settle(service.publish(actor(org), stringify(derivedManifest(base, { name, version: versions[i]! })), undefined))),
      );
      expect([...answers].sort()).toEqual(['NOT_OWNER@metadata.name', 'created']);
      const winner = answers.indexOf('created');
      expect(await stored(name)).toEqual({ organization: orgs[winner], versions: [versions[winner]] });
    }
  });

  it('an admin of another organization racing an organization to create a global name: whoever creates it owns it, the other decides as if it came second', async () => {
    const admin: Actor = authorizeCaller({ organization: 'globex', scopes: ['admin'] } as never, 'publishComponent');
    for (let round = 0; round < ROUNDS; round += 1) {
      const name = `shared-${round}`;
      const answers = await Promise.all([
        settle(service.publish(actor('acme'), stringify(derivedManifest(base, { name, version: '1.0.0' })), undefined)),
        settle(service.publish(admin, stringify(derivedManifest(base, { name, version: '1.1.0' })), undefined)),
      ]);
      // Whoever created it owns it. The admin is added to acme's (an admin may publish to another organization's
      // global component); acme, coming second to globex's, is refused as the policy refuses a second comer.
      const now = await stored(name);
      if (now?.organization === 'acme') {
        expect(answers).toEqual(['created', 'created']);
        expect(now.versions).toEqual(['1.0.0', '1.1.0']);
      } else {
        expect(answers).toEqual(['NOT_OWNER@metadata.name', 'created']);
        expect(now).toEqual({ organization: 'globex', versions: ['1.1.0'] });
      }
    }
  });

  it('the repository refuses a new component whose name another organization took meanwhile with NOT_OWNER, not a plain error', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const m = derivedManifest(base, { name: `taken-${round}`, version: '1.0.0' });
      const version = { name: m.metadata.name, version: '1.0.0', digest: manifestDigest(m), manifest: m, source: 'test', certification: UNCERTIFIED };
      const answers = await Promise.all(
        ['acme', 'globex'].map((organization) =>
          settle(repository.insertVersion(version, { organization, visibility: 'public' }).then(() => ({ created: true }))),
        ),
      );
      expect([...answers].sort()).toEqual(['NOT_OWNER@metadata.name', 'created']);
    }
  });
});
