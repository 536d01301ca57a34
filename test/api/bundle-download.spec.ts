import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipText, untar } from '../web/support/unpack.js';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { ROOT, startTestServer, type TestServer } from './support/test-server.js';

const PRIVATE = 'acme/vault';
const app = (component: string, inputs: Record<string, unknown> = {}) =>
  stringify({ apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'shop' }, instances: { db: { component, inputs } } });

afterAll(removeFixtures);
describe('POST /bundle: the bundle as an archive, through the same composition as GraphQL compose', () => {
  let t: TestServer;
  let acme: string;
  let globex: string;
  const post = (body: unknown, token?: string) =>
    fetch(`${t.url}/bundle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer('sqlite', { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    acme = await t.token('acme', ['publish']);
    globex = await t.token('globex', ['publish']);
    const m = derivedManifest(shippedManifest('postgresql', '16.10.0'), { name: PRIVATE, version: '1.0.0', aisle: 'secrets' });
    const r = await t.gql('mutation P($m: String!) { publishComponent(manifest: $m, visibility: PRIVATE) { created } }', { m: stringify(m) }, acme);
    expect(r.body.data.publishComponent.created).toBe(true);
  });
  afterAll(async () => t?.stop());

  it('streams a .zip holding the files GraphQL compose returns, the password generated', async () => {
    const response = await post({ app: app('postgresql@16.10.0', { database: 'shop' }), target: 'compose', format: 'zip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="bundle-compose.zip"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const files = unzipText(new Uint8Array(await response.arrayBuffer()));
    const gql = await t.gql('query C($a: String!) { compose(app: $a, target: COMPOSE) { files { path content } } }', {
      a: app('postgresql@16.10.0', { database: 'shop' }),
    });
    const composed = new Map<string, string>(gql.body.data.compose.files.map((f: { path: string; content: string }) => [f.path, f.content]));
    expect([...files.keys()].sort()).toEqual([...composed.keys()].sort());
    // Everything but the generated password is the same, byte for byte.
    expect(files.get('compose.yaml')).toBe(composed.get('compose.yaml'));
    expect(files.get('aisle.lock')).toBe(composed.get('aisle.lock'));
    expect(files.get('.env')).toMatch(/^DB_PASSWORD='[^']{12,}'$/m);
  });

  it('streams a .tar.gz of a Kubernetes bundle', async () => {
    const response = await post({ app: app('postgresql@16.10.0'), target: 'kubernetes', format: 'tar.gz' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    const file = join(tmpdir(), `aisle-bundle-${process.pid}.tar.gz`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const dir = untar(file);
    expect(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')).toContain('resources:');
  });

  it('refuses invalid values with 400 and the problems validateInputs gives, never an archive', async () => {
    const response = await post({ app: app('postgresql@16.10.0', { database: '9 bad', password: 'short' }), target: 'compose', format: 'zip' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as any;
    const validated = await t.gql(
      '{ validateInputs(component: "postgresql", range: "16.10.0", inputs: { database: "9 bad", password: "short" }) { errors { code path message } } }',
    );
    const expected = validated.body.data.validateInputs.errors.map((e: any) => ({ ...e, path: `db.inputs.${e.path}` }));
    expect(expected.length).toBe(2);
    expect(body.problems).toEqual(expect.arrayContaining(expected));
    expect(JSON.stringify(body)).not.toContain('short');
  });

  it('refuses a malformed request with problems naming the field', async () => {
    const response = await post({ app: '', target: 'docker', format: 'rar' });
    expect(response.status).toBe(400);
    const { problems } = (await response.json()) as any;
    expect(problems.map((p: any) => p.path).sort()).toEqual(['app', 'format', 'target']);
    for (const p of problems) expect(p.code).toMatch(/^INPUT_/);
  });

  it.each<[string, RequestInit, number, string]>([
    ['a body that is not JSON', { headers: { 'content-type': 'application/json' }, body: '{app: ' }, 400, 'is not valid JSON'],
    ['a body over the size limit', { headers: { 'content-type': 'application/json' }, body: `"${'a'.repeat(1024 * 1024 + 1)}"` }, 413, 'is larger than'],
    ['a body of another media type', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'app=x' }, 415, 'send application/json'],
  ])('answers %s with {problems} in a sentence, as every other refusal of /bundle', async (_title, init, status, words) => {
    const response = await fetch(`${t.url}/bundle`, { method: 'POST', ...init });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({ problems: [{ code: 'INPUT_INVALID', path: 'body', message: expect.stringContaining(words) }] });
    expect(JSON.stringify(body)).not.toMatch(/FST_|statusCode/);
  });

  it('a private component is bundled for its organization only; to others it does not exist, as in GraphQL', async () => {
    const body = { app: app(`${PRIVATE}@1.0.0`), target: 'compose', format: 'zip' };
    expect((await post(body, acme)).status).toBe(200);
    for (const token of [undefined, globex]) {
      const response = await post(body, token);
      expect(response.status).toBe(400);
      const { problems } = (await response.json()) as any;
      const gql = await t.gql('query C($a: String!) { compose(app: $a) { lock } }', { a: body.app }, token);
      expect(problems).toEqual(gql.body.errors![0]!.extensions!.problems!.map((p: any) => ({ code: p.code, path: p.path, message: p.message })));
    }
  });

  it('answers the README’s curl example with a zip', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const data = /curl -s localhost:3000\/bundle [^\n]*\\\n\s*-d '([^']+)'/.exec(readme)?.[1];
    expect(data).toBeDefined();
    const response = await post(JSON.parse(data!));
    expect(response.status).toBe(200);
    expect(unzipText(new Uint8Array(await response.arrayBuffer())).get('compose.yaml')).toContain('POSTGRES_DB: shop');
  });

  it('refuses an unknown token with 401, as GraphQL does', async () => {
    const response = await post({ app: app('postgresql@16.10.0'), target: 'compose', format: 'zip' }, 'not-a-token');
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).problems[0]).toMatchObject({ code: 'TOKEN_INVALID', path: 'Authorization' });
    // Logged as GraphQL logs it, without the header's value.
    expect(t.logs.some((l) => l.includes('"msg":"authentication refused"') && l.includes('TOKEN_INVALID'))).toBe(true);
    expect(t.logs.join('\n')).not.toContain('not-a-token');
  });
});
