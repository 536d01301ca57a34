import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../apps/cli/src/main.js';
import { databaseKinds, postgresUrl } from './support/test-databases.js';
import { ROOT, startTestServer, type TestServer } from './support/test-server.js';

async function aisle(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, env });
  return { code, out, err };
}

describe.each(databaseKinds())('aisle token (%s)', (kind) => {
  let t: TestServer;
  let url: string;
  beforeAll(async () => {
    t = await startTestServer(kind, { catalogDir: undefined });
    // The CLI reaches the test's own PostgreSQL schema through the connection's search_path.
    url = t.db.schema ? `${t.db.url}?options=${encodeURIComponent(`-c search_path=${t.db.schema}`)}` : t.db.url;
  });
  afterAll(async () => t?.stop());

  const probe = (token: string) => t.gql('mutation { publishComponent(manifest: "kind: Component") { created } }', undefined, token);

  it('creates a token shown once, which the service accepts, and revokes it', async () => {
    const created = await aisle(['token', 'create', '--org', 'acme', '--scopes', 'publish,certify', '--description', 'ci', '--database-url', url]);
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^aisle_[A-Za-z0-9_-]{40,}$/);
    expect(created.err).toContain('only this once');
    // It says where the token went: the test's SQLite file, or the PostgreSQL URL.
    expect(created.err).toContain(`written to ${kind === 'sqlite' ? url : url.replace(/\?.*/, '')}`);
    // Accepted: the publish fails on the manifest, not on the token.
    expect((await probe(token)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const listed = await aisle(['token', 'list', '--json', '--database-url', url]);
    const rows = JSON.parse(listed.out).result as Array<{ id: number; organization: string; scopes: string[] }>;
    expect(listed.out).not.toContain(token);
    const row = rows.find((r) => r.organization === 'acme')!;
    expect(row.scopes).toEqual(['certify', 'publish']);
    expect((await aisle(['token', 'revoke', String(row.id), '--database-url', url])).code).toBe(0);
    expect((await probe(token)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await aisle(['token', 'create', '--database-url', url])).code).toBe(2);
    expect((await aisle(['token', 'create', '--org', 'Acme Corp', '--database-url', url])).code).toBe(2);
    expect((await aisle(['token', 'create', '--org', 'acme', '--scopes', 'publish,root', '--database-url', url])).code).toBe(2);
    expect((await aisle(['token', 'revoke', 'x', '--database-url', url])).code).toBe(2);
  });

  it('an unknown token id is no usage error: exit 1, "no token 99999"', async () => {
    const r = await aisle(['token', 'revoke', '99999', '--database-url', url]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no token 99999 in ');
    expect(r.err).not.toContain('usage:');
  });
});

describe('aisle token finds the service’s database or says why not (issue 10)', () => {
  const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-token-'));

  it('refuses a SQLite file that does not exist, creating nothing, and --init creates it', async () => {
    const cwd = scratch();
    const r = await aisle(['token', 'create', '--org', 'acme', '--database-url', './typo.sqlite'], {}, cwd);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      'error: --database-url: no database at ./typo.sqlite: point --database-url (or DATABASE_URL) at the database the service uses, or create an Aisle database there with --init',
    );
    expect(readdirSync(cwd)).toEqual([]);
    const json = await aisle(['token', 'list', '--json'], { DATABASE_URL: 'typo.sqlite' }, cwd);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).diagnostics[0]).toMatchObject({ code: 'DATABASE_NOT_FOUND', path: '--database-url' });
    const created = await aisle(['token', 'create', '--org', 'acme', '--init', '--database-url', './typo.sqlite'], {}, cwd);
    expect(created.code).toBe(0);
    expect(created.err).toContain('written to ./typo.sqlite');
    expect(existsSync(join(cwd, 'typo.sqlite'))).toBe(true);
    const listed = await aisle(['token', 'list', '--database-url', 'typo.sqlite'], {}, cwd);
    expect(listed.out).toMatch(/^ID +PREFIX +ORG +SCOPES +CREATED +REVOKED +DESCRIPTION\n1 +aisle_\S+… +acme +\(none\) /);
    expect((await aisle(['token', 'list', '--init', '--database-url', 'typo.sqlite'], {}, cwd)).code).toBe(2);
  });

  it('refuses a file that is no database', async () => {
    const cwd = scratch();
    const r = await aisle(['token', 'list', '--database-url', join(ROOT, 'package.json')], {}, cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not an SQLite database');
  });

  it.runIf(databaseKinds().includes('postgres'))(
    'PostgreSQL: a database that does not exist, or holds no Aisle tables, is exit 1 in a plain sentence without the password',
    async () => {
      const base = new URL((await postgresUrl())!);
      const missing = new URL(base);
      missing.password = 'sekrit-pw';
      missing.pathname = '/aisle_nonexistent_db';
      const r = await aisle(['token', 'list', '--database-url', missing.toString()]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('error: --database-url: database "aisle_nonexistent_db" does not exist on ');
      expect(r.err).not.toContain('sekrit');
      const json = await aisle(['token', 'list', '--json', '--database-url', missing.toString()]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out).diagnostics[0]).toMatchObject({ code: 'DATABASE_UNAVAILABLE', path: '--database-url' });
      expect(json.out).not.toContain('sekrit');

      const schema = `aisle_empty_${process.pid}`;
      const client = new Client({ connectionString: base.toString() });
      await client.connect();
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      try {
        const empty = `${base.toString()}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
        const refused = await aisle(['token', 'create', '--org', 'acme', '--database-url', empty]);
        expect(refused.code).toBe(1);
        expect(refused.err).toContain('holds no Aisle tables');
        expect((await client.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [schema])).rows[0].n).toBe(0);
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  );
});

describe.each(databaseKinds())('organization names are scope names (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { catalogDir: undefined });
  });
  afterAll(async () => t?.stop());

  it('refuses, at the CLI and in the token store, an organization that could not be the scope of its components (acme/vault)', async () => {
    for (const org of ['acme/x', 'a'.repeat(64), '-acme', 'ACME']) {
      const r = await aisle(['token', 'create', '--org', org, '--database-url', t.db.url]);
      expect([org, r.code]).toEqual([org, 2]);
      expect(r.err).toContain('it is also the scope of the organization');
      await expect(t.token(org, ['publish'])).rejects.toThrow('is not a valid scope name');
    }
    expect(await t.token('a'.repeat(63), ['publish'])).toMatch(/^aisle_/);
  });
});

describe('the CLI’s database access', () => {
  it('never loads Nest: the modules `aisle token` imports reach only TypeORM', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      if (/from\s+['"]@nestjs\//.test(text)) offenders.push(file);
      for (const m of text.matchAll(/(?:from\s+|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        visit(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(ROOT, 'apps/cli/src/commands/token.ts'));
    expect(seen.size).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });
});
