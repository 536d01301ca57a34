import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../apps/cli/src/main.js';
import { importApp } from '../../libs/import/index.js';
import { aisle, snapshot } from '../bundles/cli-in-process.js';
import { dockerComposeConfig } from '../bundles/compose-checks.js';
import { shipped } from './import-check.js';

const FIXTURES = join(__dirname, 'fixtures');
const ROOT = join(__dirname, '../..');
const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-import-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('aisle import', () => {
  it('writes drafts, an app spec and a report that aisle compose turns into a bundle docker-compose accepts', async () => {
    const dir = temp();
    const imported = await aisle(['import', join(FIXTURES, 'compose/wordpress.yaml'), '--out', join(dir, 'blog')], ROOT);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(Object.keys(snapshot(join(dir, 'blog'))).sort()).toEqual(
      expect.arrayContaining([
        'IMPORT-REPORT.md',
        'app.yaml',
        'catalog/wordpress-app/1.0.0/component.yaml',
        expect.stringMatching(/^catalog\/mariadb\/11\.[0-9.]+\/certification\.json$/),
      ]),
    );
    const composed = await aisle(['compose', join(dir, 'blog/app.yaml'), '--catalog', join(dir, 'blog/catalog'), '--out', join(dir, 'bundle')], ROOT);
    expect(composed.code, composed.err).toBe(0);
    const { config } = dockerComposeConfig(join(dir, 'bundle'));
    expect(Object.keys(config.services).sort()).toEqual(['db', 'wordpress']);
    expect(readFileSync(join(dir, 'blog/IMPORT-REPORT.md'), 'utf8')).toMatch(/## Dropped[\s\S]*services\.db\.restart/);
  });

  it('reads standard input and prints JSON without writing anything', async () => {
    const dir = temp();
    let out = '';
    const code = await run(['import', '-', '--json'], {
      out: (t) => (out += t),
      err: () => undefined,
      cwd: dir,
      env: {},
      stdin: async () => readFileSync(join(FIXTURES, 'portainer/templates-v3.json'), 'utf8'),
    });
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.result.format).toBe('portainer');
    expect(answer.result.drafts[0].spec.inputs.properties.mpUiAuthToken).toMatchObject({ writeOnly: true });
    expect(snapshot(dir)).toEqual({});
  });

  it('reads a Nulecule file with its Docker artifacts beside it', async () => {
    const result = await aisle(['import', join(FIXTURES, 'nulecule/Nulecule'), '--json'], ROOT);
    expect(result.code).toBe(0);
    const { app, drafts } = JSON.parse(result.out).result;
    expect(Object.keys(app.instances).sort()).toEqual(['guestbook', 'redis']);
    expect(app.instances.guestbook.publish).toEqual({ http: 3000 });
    expect(app.instances.guestbook.inputs.redisHost).toBe('${{ redis.host }}');
    const guestbook = drafts.find((d: { metadata: { name: string } }) => d.metadata.name === 'guestbook');
    expect(guestbook.spec.inputs.properties.title).toMatchObject({ default: 'Our guestbook', description: 'Title of the guestbook page' });
  });

  const refusals: Array<[string, string, string[], string, RegExp]> = [
    [
      'a file in none of the formats',
      'kind: ConfigMap\ndata: {}\n',
      [],
      'IMPORT_FORMAT_UNKNOWN',
      /in\.yaml:1: is in none of the formats[\s\S]*Docker Compose file[\s\S]*OpenShift Template/,
    ],
    ['malformed YAML, with its line', 'services:\n  web:\n    image: [nginx\n', [], 'YAML_SYNTAX', /in\.yaml:4:1: .*reading it as YAML or JSON/],
    ['a malformed file forced to a format', 'objects: [\n', ['--format', 'openshift'], 'YAML_SYNTAX', /in\.yaml:2:1: .*reading it as a OpenShift Template/],
    [
      'a forced format the file is not in',
      'services:\n  web:\n    image: nginx:1.27.3\n',
      ['--format', 'openshift'],
      'IMPORT_INVALID',
      /is not a OpenShift Template: it lacks kind: Template; it looks like a Docker Compose file/,
    ],
    [
      'a YAML bomb',
      `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nservices: {web: {image: "nginx:1.27.3", x: [*e,*e,*e,*e,*e,*e,*e,*e,*e]}}\n`,
      [],
      'YAML_ALIAS_LIMIT',
      /aliases expand too far/,
    ],
    [
      'a __proto__ key',
      'services:\n  web:\n    image: nginx:1.27.3\n    environment:\n      __proto__: x\n',
      [],
      'YAML_FORBIDDEN_KEY',
      /in\.yaml:5:7: services\.web\.environment\.__proto__/,
    ],
    ['a huge file', `services:\n  web:\n    image: nginx:1.27.3\n# ${'x'.repeat(1_100_000)}\n`, [], 'YAML_TOO_LARGE', /is larger than/],
  ];
  for (const [what, text, options, code, message] of refusals) {
    it(`refuses ${what}, exit 1, and writes nothing`, async () => {
      const dir = temp();
      writeFileSync(join(dir, 'in.yaml'), text);
      const result = await aisle(['import', 'in.yaml', '--out', 'out', ...options], dir);
      expect(result.code).toBe(1);
      expect(`${result.out}${result.err}`).toMatch(message);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      const json = await aisle(['import', 'in.yaml', '--json', ...options], dir);
      expect(JSON.parse(json.out)).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ code })] });
    });
  }

  it('rewrites names unsafe as file or object names, and reports the mapping', () => {
    const text = 'services:\n  "../Evil Service!":\n    image: ghcr.io/acme/site:1.0.0\n    environment:\n      "A.B-C": "1"\n';
    const { result } = importApp(text, { file: 'evil.yaml', catalog: shipped() });
    expect(Object.keys(result!.app.instances)).toEqual(['evil-service']);
    expect(result!.files.map((f) => f.path)).toContain('catalog/evil-service/1.0.0/component.yaml');
    const renamed = result!.report.entries.filter((e) => e.status === 'renamed');
    expect(renamed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'services.../Evil Service!', target: 'evil-service' }),
        expect.objectContaining({ target: 'A_B_C' }),
      ]),
    );
  });

  it('refuses an --out folder that already holds its files, unless --force', async () => {
    const dir = temp();
    const args = ['import', join(FIXTURES, 'compose/shop.yaml'), '--out', join(dir, 'shop')];
    expect((await aisle(args, ROOT)).code).toBe(0);
    const again = await aisle(args, ROOT);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds .*app\.yaml.*--force/);
    expect((await aisle([...args, '--force'], ROOT)).code).toBe(0);
  });
});
