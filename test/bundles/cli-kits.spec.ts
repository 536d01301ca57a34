import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedCatalogDir } from '../../libs/catalog/index.js';
import { aisle } from './cli-in-process.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-kits-'));

describe('app kits through the CLI', () => {
  it('search and aisles mark kits; show lists a kit’s inputs and the components it picks', async () => {
    const cwd = scratch();
    const found = JSON.parse((await aisle(['search', 'wordpress', '--json'], cwd)).out).result;
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'wordpress', kind: 'component' }),
        expect.objectContaining({ name: 'wordpress-kit', kind: 'kit', aisle: 'content', certified: true }),
      ]),
    );
    const aisles = JSON.parse((await aisle(['aisles', '--json'], cwd)).out).result;
    expect(aisles.find((a: { name: string }) => a.name === 'content')).toMatchObject({ components: 3, kits: 3 });
    const shown = JSON.parse((await aisle(['show', 'gitea-kit', '--json'], cwd)).out).result;
    expect(shown).toMatchObject({ name: 'gitea-kit', kind: 'kit', certification: { level: 'certified', verified: true } });
    expect(shown.inputs.map((i: { name: string }) => i.name)).toEqual(['rootUrl', 'sshDomain']);
    expect(shown.components).toEqual([
      { instance: 'db', component: 'postgresql@^17', version: '17.11.0' },
      { instance: 'gitea', component: 'gitea@^1', version: '1.27.3' },
    ]);
    const text = (await aisle(['show', 'gitea-kit'], cwd)).out;
    expect(text).toContain('Gitea on PostgreSQL — gitea-kit@1.0.0 (kit, devtools)');
  });

  it('get KIT --set composes the kit, asking only for its inputs', async () => {
    const cwd = scratch();
    const r = await aisle(['get', 'gitea-kit', '--set', 'rootUrl=https://git.example.com/', '--target', 'kubernetes', '--out', 'git'], cwd);
    expect(r.code, r.err).toBe(0);
    const workload = readFileSync(join(cwd, 'git', 'gitea', 'statefulset.yaml'), 'utf8');
    expect(workload).toContain('https://git.example.com/');
    expect(readFileSync(join(cwd, 'git', 'aisle.lock'), 'utf8')).toContain('gitea-kit');
    const bad = await aisle(['get', 'gitea-kit', '--set', 'dbPassword=x', '--out', 'bad'], cwd);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('inputs.dbPassword: is not an input of gitea-kit');
  });

  it('lint refuses a kit whose component does not exist, and certify will not sign it', async () => {
    const cwd = scratch();
    const catalog = join(cwd, 'catalog');
    cpSync(shippedCatalogDir(), catalog, { recursive: true });
    const file = join(catalog, 'gitea-kit', '1.0.0', 'kit.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('component: gitea@^1', 'component: gittea@^1'));
    const lint = await aisle(['lint', 'catalog/gitea-kit'], cwd);
    expect(lint.code).toBe(1);
    expect(lint.err).toContain('spec.instances.gitea.component: no component named "gittea" in the catalog (did you mean "gitea"?)');
    const verify = await aisle(['verify', 'catalog/gitea-kit'], cwd);
    expect(verify.code).toBe(1);
  });
});
