import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../libs/render/index.js';
import { dockerComposeConfig } from './compose-checks.js';
import { aisle, snapshot } from './cli-in-process.js';
import { EXAMPLES_DIR } from './example-bundles.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-cli-'));

describe('aisle get', () => {
  it('gives a runnable Compose bundle for a database in one command', async () => {
    const cwd = scratch();
    const r = await aisle(['get', 'postgresql', '--set', 'database=shop', '--out', 'pg'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const dir = join(cwd, 'pg');
    expect(readdirSync(dir).sort()).toEqual(['.env', 'aisle.lock', 'compose.yaml']);
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    const { config } = dockerComposeConfig(dir);
    expect(config.services.postgresql.environment.POSTGRES_DB).toBe('shop');
    expect(config.services.postgresql.ports).toEqual([{ published: 5432, target: 5432 }]);
    const password = config.services.postgresql.environment.POSTGRES_PASSWORD as string;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(readFileSync(join(dir, 'compose.yaml'), 'utf8')).not.toContain(password);
    expect(readFileSync(join(dir, 'aisle.lock'), 'utf8')).not.toContain(password);
    expect(r.out).not.toContain(password);
    expect(r.out).toContain('postgresql.password');
  });

  it('converts --set values by the input type and reports bad ones with their path, writing nothing', async () => {
    const cwd = scratch();
    const r = await aisle(['get', 'redis', '--set', 'persistence=maybe', '--set', 'maxMemmory=1gb', '--out', 'out'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('redis.inputs.persistence: must be a boolean');
    expect(r.err).toContain('redis.inputs.maxMemmory: is not an input of redis (did you mean "maxMemory"?)');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([
    [['--set', 'hunter2'], 'the 1st --set has no "=": write --set KEY=VALUE'],
    [['--set=hunter2'], 'the 1st --set has no "=": write --set KEY=VALUE'],
    [['--set', 'database=shop', '--set', 'hunter2'], 'the 2nd --set has no "=": write --set KEY=VALUE'],
    [['--set', '=hunter2'], 'the 1st --set has no input name before "="'],
    [['--set', 'password:hunter2=x'], 'the 1st --set names no input: an input name is 1 to 64 letters, digits, "_" and "-"'],
    [['--set', 'password hunter2=x', '--json'], 'the 1st --set names no input: an input name is 1 to 64 letters, digits, "_" and "-"'],
  ])('says what is wrong with a --set without echoing it (%j)', async (args, message) => {
    const cwd = scratch();
    const r = await aisle(['get', 'postgresql', ...args, '--out', 'pg'], cwd);
    expect(r.code).toBe(2);
    // Under --json a usage error is a USAGE diagnostic on stdout (issue 10), else a line on stderr.
    expect(args.includes('--json') ? JSON.parse(r.out).diagnostics[0].message : r.err).toContain(message);
    expect(`${r.out}${r.err}`).not.toContain('hunter2');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('lists the closest names for an unknown component', async () => {
    const r = await aisle(['get', 'postgres'], scratch());
    expect(r.code).toBe(1);
    expect(r.err).toContain('no component named "postgres" in the catalog (did you mean "postgresql"?)');
  });

  it('refuses an --out that is a file as a usage error', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'taken'), 'x');
    const r = await aisle(['get', 'redis', '--out', 'taken'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out taken is a file');
    expect(readFileSync(join(cwd, 'taken'), 'utf8')).toBe('x');
  });

  it('refuses an unknown target as a usage error', async () => {
    const r = await aisle(['get', 'redis', '--target', 'swarm'], scratch());
    expect(r.code).toBe(2);
  });
});

describe('aisle compose', () => {
  for (const target of TARGETS) {
    it(`composing again into the same folder keeps the secrets and the bytes (${target})`, async () => {
      const cwd = scratch();
      const first = await aisle(['compose', join(EXAMPLES_DIR, 'web-app.yaml'), '--target', target, '--out', 'b'], cwd);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      const before = snapshot(join(cwd, 'b'));
      const second = await aisle(['compose', join(EXAMPLES_DIR, 'web-app.yaml'), '--target', target, '--out', 'b', '--json'], cwd);
      expect(second.code).toBe(0);
      // A chart leaves generated secrets empty (the cluster generates and keeps them), a Template to `oc process`: only the bytes tell.
      if (target !== 'helm' && target !== 'openshift') expect(JSON.parse(second.out).result.generated).toEqual([]);
      expect(snapshot(join(cwd, 'b'))).toEqual(before);
    });
  }

  it('writes to ./APP-TARGET without --out', async () => {
    const cwd = scratch();
    const r = await aisle(['compose', join(EXAMPLES_DIR, 'database.yaml')], cwd);
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'database-compose')).sort()).toEqual(['.env', 'aisle.lock', 'compose.yaml']);
  });
});

const BAD_SPECS: Array<[string, string, string[]]> = [
  [
    'a wiring cycle',
    'web:\n    component: web-app\n    inputs: { image: "a/b:1", healthPath: "${{ api.url }}" }\n  api:\n    component: web-app\n    inputs: { image: "a/b:1" }\n    dependsOn: [web]',
    ['WIRING_CYCLE', 'api.dependsOn.0: dependency cycle: api → web → api'],
  ],
  [
    'a missing output',
    'db:\n    component: postgresql\n  web:\n    component: web-app\n    inputs: { image: "a/b:1" }\n    env: { DATABASE_URL: "${{ db.uri }}" }',
    ['WIRING_UNKNOWN_OUTPUT', 'web.env.DATABASE_URL: "${{ db.uri }}": db (postgresql) has no output "uri" (did you mean "url"?)'],
  ],
  [
    'an unknown instance',
    'web:\n    component: web-app\n    inputs: { image: "a/b:1" }\n    env: { X: "${{ bd.url }}" }',
    ['WIRING_UNKNOWN_INSTANCE', 'web.env.X: "${{ bd.url }}" refers to "bd", which is not an instance of this app'],
  ],
  ['a range nothing satisfies', 'db:\n    component: postgresql@^9', ['VERSION_UNSATISFIED', 'db.component: no version of postgresql satisfies "^9"']],
  [
    'an unknown component',
    'db:\n    component: postgress',
    ['COMPONENT_NOT_FOUND', 'db.component: no component named "postgress" in the catalog (did you mean "postgresql"?)'],
  ],
  ['an instance named ../../etc', '"../../etc":\n    component: postgresql', ['INSTANCE_NAME_INVALID', '"../../etc" is not a valid instance name']],
  ['an instance name Compose and Kubernetes refuse', 'My_DB:\n    component: postgresql', ['INSTANCE_NAME_INVALID', '"My_DB" is not a valid instance name']],
  [
    'a short password and a bad input together',
    'db:\n    component: postgresql\n    inputs: { password: short, databse: x }',
    ['db.inputs.password: must be at least 12 characters', 'db.inputs.databse: is not an input of postgresql (did you mean "database"?)'],
  ],
];

describe('bad app specs: exit 1, every problem with its path, nothing written', () => {
  for (const [title, instances, expected] of BAD_SPECS) {
    it(title, async () => {
      const cwd = scratch();
      writeFileSync(join(cwd, 'app.yaml'), `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: bad }\ninstances:\n  ${instances}\n`);
      for (const command of [
        ['validate', 'app.yaml'],
        ['compose', 'app.yaml', '--out', 'out'],
        ['validate', 'app.yaml', '--json'],
      ]) {
        const r = await aisle(command, cwd);
        expect(r.code, `${command.join(' ')}: ${r.err}`).toBe(1);
        const text = command.includes('--json')
          ? JSON.stringify(JSON.parse(r.out).diagnostics.map((d: { code: string; path: string; message: string }) => `${d.code} ${d.path}: ${d.message}`))
          : r.err;
        for (const e of expected) expect(text).toContain(command.includes('--json') ? JSON.stringify(e).slice(1, -1) : e.replace(/^[A-Z_]+$/, ''));
      }
      expect(readdirSync(cwd)).toEqual(['app.yaml']);
    });
  }
});

describe('aisle validate', () => {
  it('says a good spec is valid and lists the start order', async () => {
    const r = await aisle(['validate', join(EXAMPLES_DIR, 'web-app.yaml')], scratch());
    expect(r.code).toBe(0);
    // A table (issue 10): INSTANCE, COMPONENT, AFTER.
    expect(r.out).toMatch(/cache .*\n.*db .*\n.*web .* {2}cache, db\n/);
  });
});

describe('composing a smaller app into an earlier bundle', () => {
  it("removes the files of instances that are gone and keeps the user's own files", async () => {
    const cwd = scratch();
    expect((await aisle(['compose', join(EXAMPLES_DIR, 'web-app.yaml'), '--target', 'helm', '--out', 'chart'], cwd)).code).toBe(0);
    writeFileSync(join(cwd, 'chart', 'MY-NOTES.md'), 'mine');
    const smaller = readFileSync(join(EXAMPLES_DIR, 'web-app.yaml'), 'utf8')
      .replace(/ {2}cache:\n(?: {4}.*\n)+/, '')
      .replace(/ {6}REDIS_URL: .*\n/, '');
    writeFileSync(join(cwd, 'smaller.yaml'), smaller);
    const r = await aisle(['compose', 'smaller.yaml', '--target', 'helm', '--out', 'chart'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'chart/templates/cache'))).toBe(false);
    expect(existsSync(join(cwd, 'chart/templates/db/statefulset.yaml'))).toBe(true);
    expect(readFileSync(join(cwd, 'chart', 'MY-NOTES.md'), 'utf8')).toBe('mine');
  });
});
