import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PUBLISH = 'mutation P($m: String!) { publishComponent(manifest: $m) { created } }';
// What the caller sent that must never reach a log line.
const SECRET_LOOKING = 'hunter2-do-not-log';

afterAll(removeFixtures);
describe('refused publishes and tokens leave one log line: who, what, code, and nothing the caller sent', () => {
  let t: TestServer;
  let acme: string;
  let certifier: string;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer('sqlite', { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    acme = await t.token('acme', ['publish']);
    certifier = await t.token('library', ['certify']);
  });
  afterAll(async () => t?.stop());

  /** The log lines a request added, parsed. */
  async function linesOf(request: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
    const before = t.logs.length;
    await request();
    return t.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  const manifest = stringify(derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'acme-cache', version: '1.0.0', description: SECRET_LOOKING }));
  const fields = (l: Record<string, unknown>) => ({
    level: l.level,
    msg: l.msg,
    mutation: l.mutation,
    tokenId: l.tokenId,
    organization: l.organization,
    code: l.code,
  });

  it('no token', async () => {
    const lines = await linesOf(() => t.gql(PUBLISH, { m: manifest }));
    expect(lines.map(fields)).toEqual([
      { level: 'warn', msg: 'mutation refused', mutation: 'publishComponent', tokenId: null, organization: null, code: 'TOKEN_REQUIRED' },
    ]);
  });

  it('a token without the scope: its id, never the token', async () => {
    const lines = await linesOf(() => t.gql(PUBLISH, { m: manifest }, certifier));
    expect(lines.map(fields)).toEqual([
      { level: 'warn', msg: 'mutation refused', mutation: 'publishComponent', tokenId: expect.any(Number), organization: 'library', code: 'SCOPE_MISSING' },
    ]);
    expect(JSON.stringify(lines)).not.toContain(certifier);
  });

  it('an unknown or malformed token, on a read as on a write', async () => {
    const guess = 'aisle_guessed-token-value';
    for (const send of [() => t.gql('{ aisles { name } }', undefined, guess), () => t.gql(PUBLISH, { m: manifest }, guess)]) {
      const lines = await linesOf(send);
      expect(lines.map((l) => ({ level: l.level, msg: l.msg, code: l.code }))).toEqual([
        { level: 'warn', msg: 'authentication refused', code: 'TOKEN_INVALID' },
      ]);
      expect(JSON.stringify(lines)).not.toContain('guessed-token');
    }
    const malformed = await linesOf(() =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Token ${SECRET_LOOKING}` },
        body: JSON.stringify({ query: '{ aisles { name } }' }),
      }),
    );
    expect(malformed.map((l) => l.code)).toEqual(['TOKEN_INVALID']);
    expect(JSON.stringify(malformed)).not.toContain(SECRET_LOOKING);
  });

  it('a failed publish: the code of what was wrong, no manifest content', async () => {
    const broken = manifest.replace(/^kind: .*$/m, 'kind: NotAComponent');
    const lines = await linesOf(() => t.gql(PUBLISH, { m: broken }, acme));
    expect(lines).toHaveLength(1);
    expect(fields(lines[0]!)).toMatchObject({
      level: 'warn',
      msg: 'mutation refused',
      mutation: 'publishComponent',
      tokenId: expect.any(Number),
      organization: 'acme',
    });
    expect(lines[0]!.code).toMatch(/^[A-Z_]+$/);
    expect(JSON.stringify(lines)).not.toContain(SECRET_LOOKING);
    // A publish that goes through leaves no refusal.
    const fine = await linesOf(() => t.gql(PUBLISH, { m: manifest }, acme));
    expect(fine.filter((l) => l.msg === 'mutation refused')).toEqual([]);
  });
});
