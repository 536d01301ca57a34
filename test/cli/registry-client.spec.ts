import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../apps/cli/src/main.js';
import { snapshot } from '../bundles/cli-in-process.js';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest, type FixtureCatalog } from '../api/support/fixture-catalog.js';
import { ROOT, startTestServer, type TestServer } from '../api/support/test-server.js';

// The CLI as a client of a real service (SQLite) started here: publish, then browse and compose through --registry.
describe('aisle --registry, login, publish, deprecate', () => {
  let t: TestServer;
  let fixture: FixtureCatalog;
  let home: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    fixture = fixtureCatalog();
    t = await startTestServer('sqlite', { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    tokens.acme = await t.token('acme', ['publish']);
    tokens.acmeReader = await t.token('acme', []);
    tokens.globex = await t.token('globex', ['publish']);
    home = mkdtempSync(join(tmpdir(), 'aisle-registry-'));
  });
  afterAll(async () => {
    await t?.stop();
    removeFixtures();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  /** Runs aisle in this process with its own config folder, optional extra env and standard input. */
  async function aisle(args: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}) {
    let out = '';
    let err = '';
    const env = { XDG_CONFIG_HOME: join(home, 'config'), HOME: home, AISLE_TRUST_DIR: fixture.trustDir, ...options.env };
    const io = {
      out: (s: string) => (out += s),
      err: (s: string) => (err += s),
      cwd: options.cwd ?? home,
      env,
      ...(options.stdin !== undefined ? { stdin: async () => options.stdin! } : {}),
    };
    const code = await run(args, io);
    return { code, out, err };
  }

  const configFile = () => join(home, 'config', 'aisle', 'config.json');
  const noToken = (r: { out: string; err: string }) => {
    for (const token of Object.values(tokens)) expect(r.out + r.err).not.toContain(token);
  };

  function writeComponent(dir: string, name: string, version: string): string {
    const folder = join(home, dir);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'component.yaml'), stringify(derivedManifest(shippedManifest('postgresql', '16.15.0'), { name, version, aisle: 'secrets' })));
    return folder;
  }

  it('login checks the token, stores it readable by the user only, and never prints it', async () => {
    const bad = await aisle(['login', t.url, '--with-token'], { stdin: 'aisle_not-a-real-token\n' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('the bearer token is unknown or revoked');
    expect(bad.err).not.toContain('aisle_not-a-real-token');
    expect(() => statSync(configFile())).toThrow();

    const r = await aisle(['login', `${t.url}/graphql/`, '--with-token'], { stdin: `${tokens.acme}\n` });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`logged in to ${t.url} as acme (publish)`);
    noToken(r);
    expect(statSync(configFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'config', 'aisle')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(configFile(), 'utf8')).registries[t.url].token).toBe(tokens.acme);
  });

  it('the built binary reads the token from standard input (aisle token create … | aisle login URL --with-token)', async () => {
    const config = join(home, 'bin-config');
    const child = spawn('node', [join(ROOT, 'bin', 'aisle.js'), 'login', t.url, '--with-token', '--json'], {
      cwd: home,
      env: { ...process.env, XDG_CONFIG_HOME: config, AISLE_TOKEN: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.stdin.end(`${tokens.acmeReader}\n`);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out).result).toEqual({ registry: t.url, organization: 'acme', scopes: [], config: join(config, 'aisle', 'config.json') });
    expect(out).not.toContain(tokens.acmeReader);
  });

  it('publishes a private component with aisle publish, then aisle get --registry composes from it', async () => {
    const dir = writeComponent('vault-1', 'acme/vault', '1.0.0');
    const published = await aisle(['publish', dir, '--private']);
    expect(published.err).toBe('');
    expect(published.out).toMatch(new RegExp(`^published acme/vault@1\\.0\\.0 to ${t.url} \\(sha256:[0-9a-f]{64}\\)\n$`));
    expect(published.code).toBe(0);
    const again = await aisle(['publish', join(dir, 'component.yaml'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, result: { name: 'acme/vault', version: '1.0.0', created: false } });

    const got = await aisle(['get', 'acme/vault', '--registry', t.url, '--out', 'vault-bundle']);
    expect(got.err).toBe('');
    expect(got.code).toBe(0);
    expect(got.out).toContain('wrote ');
    const lock = readFileSync(join(home, 'vault-bundle', 'aisle.lock'), 'utf8');
    expect(lock).toContain('acme/vault');
    noToken(got);
  });

  it('lists a private component for its organization’s token and for no other', async () => {
    const names = async (env: Record<string, string>) => {
      const r = await aisle(['search', '--registry', t.url, '--json'], { env });
      expect(r.code).toBe(0);
      return (JSON.parse(r.out).result as Array<{ name: string }>).map((c) => c.name);
    };
    const anonymous = { XDG_CONFIG_HOME: join(home, 'nobody') };
    expect(await names({ AISLE_TOKEN: tokens.acmeReader! })).toEqual(['acme/vault', 'nginx', 'postgresql', 'redis']);
    expect(await names({})).toContain('acme/vault'); // the stored login (acme)
    expect(await names({ AISLE_TOKEN: tokens.globex! })).toEqual(['nginx', 'postgresql', 'redis']);
    expect(await names(anonymous)).toEqual(['nginx', 'postgresql', 'redis']);
    const hidden = await aisle(['show', 'acme/vault', '--registry', t.url], { env: { AISLE_TOKEN: tokens.globex! } });
    expect(hidden.code).toBe(1);
    expect(hidden.err).toBe('error: no component named "acme/vault" in the catalog\n');
    const aisles = await aisle(['aisles', '--registry', t.url], { env: anonymous });
    expect(aisles.out).not.toContain('vault');
  });

  it('answers aisles, search, show, get and validate as the local catalog does, byte for byte', async () => {
    // The same components both ways: the fixture catalog folder, and the service that ingested it (seen anonymously).
    const local = ['--catalog', fixture.catalogDir];
    const remote = ['--registry', t.url];
    const env = { XDG_CONFIG_HOME: join(home, 'nobody') };
    writeFileSync(
      join(home, 'app.yaml'),
      'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql@^16\n    inputs: { port: eighty }\n  cache: { component: redis }\n',
    );
    writeFileSync(
      join(home, 'good.yaml'),
      'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: postgresql@^16, inputs: { password: correct-horse-battery } }\n  cache: { component: redis }\n',
    );
    const cases = [
      ['aisles'],
      ['aisles', '--json'],
      ['search'],
      ['search', 'sql', '--json'],
      ['search', '--aisle', 'cache'],
      ['show', 'postgresql'],
      ['show', 'postgresql@16.9', '--json'],
      ['show', 'redis'],
      ['show', 'postgresq'],
      ['show', 'postgresql@^99', '--json'],
      ['validate', 'app.yaml'],
      ['validate', 'good.yaml', '--json'],
    ];
    for (const args of cases) {
      const a = await aisle([...args, ...local], { env });
      const b = await aisle([...args, ...remote], { env });
      expect({ args, ...b }).toEqual({ args, ...a });
    }
    const localGet = await aisle(['get', 'postgresql@16', '--set', 'password=correct-horse-battery', '--out', 'local-pg', ...local], { env });
    const remoteGet = await aisle(['get', 'postgresql@16', '--set', 'password=correct-horse-battery', '--out', 'remote-pg', ...remote], { env });
    expect(remoteGet).toEqual({ ...localGet, out: localGet.out.replaceAll('local-pg', 'remote-pg') });
    expect(snapshot(join(home, 'remote-pg'))).toEqual(snapshot(join(home, 'local-pg')));
    const composed = await aisle(['compose', 'good.yaml', '--target', 'kubernetes', '--out', 'k8s', ...remote], { env });
    expect(composed.code).toBe(0);
  });

  it('shows the service’s refusals as its own diagnostics, with the file they are about', async () => {
    const dir = writeComponent('globex-try', 'acme/other', '1.0.0');
    const r = await aisle(['publish', dir, '--registry', t.url], { env: { AISLE_TOKEN: tokens.globex! } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: globex-try\/component\.yaml: metadata\.name: acme\/other is in the scope of organization acme/);
    const json = await aisle(['publish', dir, '--registry', t.url, '--json'], { env: { AISLE_TOKEN: tokens.globex! } });
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'NAME_SCOPE_FORBIDDEN', path: 'metadata.name', file: 'globex-try/component.yaml' }],
    });

    const changed = writeComponent('vault-changed', 'acme/vault', '1.0.0');
    const m = readFileSync(join(changed, 'component.yaml'), 'utf8').replace(/description: .*/, 'description: changed');
    writeFileSync(join(changed, 'component.yaml'), m);
    const immutable = await aisle(['publish', changed]);
    expect(immutable.code).toBe(1);
    expect(immutable.err).toContain('acme/vault@1.0.0 is already published with digest');

    const broken = writeComponent('broken', 'acme/broken', '1.0.0');
    writeFileSync(join(broken, 'component.yaml'), 'metadata: [\n');
    const local = await aisle(['publish', broken]);
    expect(local.code).toBe(1);
    expect(local.err).toMatch(/^error: broken\/component\.yaml:\d+:\d+: /);

    const anonymous = await aisle(['publish', dir, '--registry', t.url], { env: { XDG_CONFIG_HOME: join(home, 'nobody') } });
    expect(anonymous.code).toBe(1);
    expect(anonymous.err).toContain('this needs a bearer token with the publish scope');
  });

  it('deprecates a published version; ranges then prefer others', async () => {
    await aisle(['publish', writeComponent('vault-1.1', 'acme/vault', '1.1.0')]);
    const r = await aisle(['deprecate', 'acme/vault@1.1.0', '--reason', 'use 1.0.0: 1.1.0 lost data']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`deprecated acme/vault@1.1.0 on ${t.url}: use 1.0.0: 1.1.0 lost data\n`);
    const shown = await aisle(['show', 'acme/vault', '--registry', t.url, '--json']);
    expect(JSON.parse(shown.out).result).toMatchObject({ version: '1.0.0', versions: ['1.1.0', '1.0.0'] });
    const usage = await aisle(['deprecate', 'acme/vault@^1', '--reason', 'x']);
    expect(usage.code).toBe(2);
    const missing = await aisle(['deprecate', 'acme/vault@9.9.9', '--reason', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('acme/vault has no version 9.9.9');
  });

  it('says plainly when a service cannot be reached or is not an Aisle service', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await aisle(['search', '--registry', `http://127.0.0.1:${port}`]);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `error: cannot reach http://127.0.0.1:${port}: connection refused (is the service running, and is the address right?)\n`,
    });
    const json = await aisle(['aisles', '--registry', `http://127.0.0.1:${port}`, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, diagnostics: [{ code: 'REGISTRY_UNREACHABLE' }] });
    const notAisle = await aisle(['aisles', '--registry', `${t.url}/healthz`]);
    expect(notAisle.code).toBe(1);
    expect(notAisle.err).toMatch(/^error: http:\/\/127\.0\.0\.1:\d+\/healthz answered HTTP 404/);
    const usage = await aisle(['aisles', '--registry', 'ftp://example.com']);
    expect(usage.code).toBe(2);
    const both = await aisle(['aisles', '--registry', t.url, '--catalog', fixture.catalogDir]);
    expect(both.code).toBe(2);
    const folder = await aisle(['publish', join(home, 'vault-1'), '--catalog', fixture.catalogDir]);
    expect(folder).toMatchObject({ code: 2, out: '' });
    expect(folder.err).toContain('talks to an Aisle service, not a catalog folder');
  });

  describe('a service that misbehaves', () => {
    let stub: Server;
    let stubUrl: string;
    let answer: (body: { query: string }) => string;
    beforeAll(async () => {
      stub = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          res.setHeader('content-type', 'application/json');
          res.end(answer(JSON.parse(body)));
        });
      });
      await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
      stubUrl = `http://127.0.0.1:${(stub.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise((resolve) => stub.close(resolve)));

    it('refuses a manifest whose digest is not the one stated', async () => {
      // What the real service answers, with the manifest changed in transit: the image a bundle would run.
      const real = await t.gql(
        '{ component(name: "postgresql") { name versions { version digest manifest deprecated certification { level verified certifier issuedAt reason } } } }',
      );
      const tampered = structuredClone(real.body.data.component);
      tampered.versions[0].manifest.spec.image.repository = 'evil/postgres';
      answer = () => JSON.stringify({ data: { c0: tampered } });
      const r = await aisle(['get', 'postgresql', '--registry', stubUrl, '--out', 'tampered']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^error: http:\/\/127\.0\.0\.1:\d+ postgresql@16\.10\.0: the manifest sent hashes to sha256:[0-9a-f]{64}, not to the sha256:[0-9a-f]{64} the service states; refusing to use it\n$/,
      );
      expect(() => statSync(join(home, 'tampered'))).toThrow();
    });

    it('says so when a search has more matches than it reads, rather than cutting them silently', async () => {
      const real = await t.gql(
        '{ components(first: 1) { nodes { name latest { version digest manifest deprecated certification { level verified certifier issuedAt reason } } } } }',
      );
      let pages = 0;
      // A service that always has another page.
      answer = () => {
        pages += 1;
        return JSON.stringify({ data: { components: { nodes: real.body.data.components.nodes, pageInfo: { hasNextPage: true, endCursor: `c${pages}` } } } });
      };
      const r = await aisle(['search', '--registry', stubUrl]);
      expect(r.code).toBe(0);
      expect(pages).toBe(40);
      expect(r.out).toContain(real.body.data.components.nodes[0].name);
      expect(r.err).toBe(
        `warning: ${stubUrl}: more than 2000 components match: these are the first 2000 by name; narrow the search with more words or --aisle\n`,
      );
      pages = 0;
      const json = await aisle(['search', '--registry', stubUrl, '--json']);
      expect(JSON.parse(json.out).diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'RESULTS_TRUNCATED', path: stubUrl })]);
    });

    it('bounds the answer it reads, and keeps escape sequences out of the terminal', async () => {
      answer = () => `{"data":{"aisles":[${'{"name":"x","components":1},'.repeat(1_300_000)}]}}`;
      const big = await aisle(['aisles', '--registry', stubUrl]);
      expect(big).toEqual({ code: 1, out: '', err: `error: ${stubUrl} answered with more than 32 MiB; refused\n` });
      answer = () => JSON.stringify({ errors: [{ message: 'boom\u001b[2J', extensions: { code: 'WHATEVER' } }] });
      const odd = await aisle(['aisles', '--registry', stubUrl]);
      expect(odd).toEqual({ code: 1, out: '', err: `error: ${stubUrl}: refused the request (WHATEVER): boom [2J\n` });
    });
  });

  it('says a damaged config file is unreadable, without quoting it (it holds tokens)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'aisle-config-'));
    try {
      mkdirSync(join(other, 'aisle'), { recursive: true });
      writeFileSync(join(other, 'aisle', 'config.json'), '{"registries": {"http://x": {"token": "aisle_secret-in-a-broken-file"');
      const r = await aisle(['publish', join(home, 'nowhere'), '--json'], { env: { XDG_CONFIG_HOME: other } });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out).diagnostics).toEqual([
        expect.objectContaining({ code: 'FILE_UNREADABLE', path: join(other, 'aisle', 'config.json'), message: expect.stringContaining('not valid JSON') }),
      ]);
      expect(r.out + r.err).not.toContain('aisle_secret-in-a-broken-file');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('logout forgets the token; publishing then asks which service', async () => {
    const r = await aisle(['logout']);
    expect(r).toEqual({ code: 0, out: `logged out of ${t.url}; the token is forgotten here, and works until revoked on the service\n`, err: '' });
    expect(JSON.parse(readFileSync(configFile(), 'utf8')).registries).toEqual({});
    const again = await aisle(['logout', t.url]);
    expect(again.code).toBe(2);
    const publish = await aisle(['publish', join(home, 'vault-1')]);
    expect(publish.code).toBe(2);
    expect(publish.err).toContain('which Aisle service?');
  });
});
