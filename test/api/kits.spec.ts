import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCatalogDir } from '../../libs/catalog/index.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('app kits over GraphQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { catalogDir: shippedCatalogDir() });
  }, 120_000);
  afterAll(async () => t?.stop());

  it('lists kits by aisle and text, certified, with the components they pick', async () => {
    const r = await t.gql('{ kits(aisle: "content") { name version certification { level verified } components { instance component } } }');
    expect(r.status).toBe(200);
    expect(r.body.data.kits.map((k: { name: string }) => k.name)).toEqual(['ghost-kit', 'nextcloud-kit', 'wordpress-kit']);
    const wordpress = r.body.data.kits.find((k: { name: string }) => k.name === 'wordpress-kit');
    expect(wordpress).toEqual({
      name: 'wordpress-kit',
      version: '1.0.0',
      certification: { level: 'certified', verified: true },
      components: [
        { instance: 'db', component: 'mariadb@^11' },
        { instance: 'wordpress', component: 'wordpress@^7' },
      ],
    });
    const found = await t.gql('query($s: String) { kits(search: $s) { name } }', { s: 'git' });
    expect(found.body.data.kits).toEqual([{ name: 'gitea-kit' }]);
  });

  it('answers one kit with its own inputs, and null for an unknown name', async () => {
    const r = await t.gql('{ kit(name: "web-app-kit") { name aisle digest inputs { name required default } versions } none: kit(name: "nope") { name } }');
    expect(r.body.data.kit).toMatchObject({ name: 'web-app-kit', aisle: 'web', versions: ['1.0.0'] });
    expect(r.body.data.kit.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.body.data.kit.inputs).toEqual([
      { name: 'image', required: true, default: null },
      { name: 'port', required: false, default: 8080 },
      { name: 'healthPath', required: false, default: '/' },
    ]);
    expect(r.body.data.none).toBeNull();
  });

  it('counts kits on each aisle', async () => {
    const r = await t.gql('{ aisles { name components kits } }');
    expect(r.body.data.aisles).toEqual(expect.arrayContaining([{ name: 'devtools', components: 2, kits: 2 }]));
  });
});
