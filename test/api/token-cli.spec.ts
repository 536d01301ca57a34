import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../apps/cli/src/main.js';
import { databaseKinds } from './support/test-databases.js';
import { ROOT, startTestServer, type TestServer } from './support/test-server.js';

async function aisle(args: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT, env });
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
    expect((await aisle(['token', 'revoke', '99999', '--database-url', url])).code).toBe(2);
  });
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
