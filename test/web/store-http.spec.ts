import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog, removeFixtures } from '../api/support/fixture-catalog.js';
import { ROOT, startTestServer, type TestServer } from '../api/support/test-server.js';

afterAll(removeFixtures);
describe('the store over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer('sqlite', { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
  });
  afterAll(async () => t?.stop());

  it('serves its pages at /, /components/NAME and /app: no-cache, this origin only, no inline script', async () => {
    for (const path of ['/', '/components/postgresql', '/components/acme/vault', '/app']) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/^default-src 'self';/);
      expect(csp).not.toContain('unsafe-inline');
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/src="\/assets\/[^"]+-[A-Za-z0-9_-]{8}\.js"/);
        expect(body).toBe('');
      }
      expect(html).not.toMatch(/<style|https?:\/\//);
    }
  });

  it('serves its assets by content hash, immutable for a year; an unknown one is a 404', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(`${t.url}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${t.url}/assets/nothing-12345678.js`)).status).toBe(404);
  });

  it('keeps the GraphQL IDE at /graphql, out of the store’s bundle', async () => {
    const ide = await (await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(ide).toContain('/ide/graphiql.min.js');
    const store = await (await fetch(`${t.url}/`)).text();
    expect(store).not.toContain('graphiql');
  });
});

describe('the store’s typed GraphQL documents (apps/web/store/src/gql)', () => {
  it('are what graphql-codegen makes from schemas/schema.graphql and the store’s queries (a stale copy fails here)', () => {
    // --check generates in memory and fails when a committed file differs. Refresh: npx graphql-codegen --config apps/web/codegen.yml
    expect(() =>
      execFileSync(join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'apps/web/codegen.yml', '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).not.toThrow();
  }, 120_000);
});
