import { generateKeyPairSync } from 'node:crypto';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentManifest } from '../../libs/manifest/index.js';
import { certificationFor, derivedManifest, fixtureCatalog, shippedManifest, type FixtureCatalog, removeFixtures } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PUBLISH =
  'mutation P($m: String!, $v: Visibility) { publishComponent(manifest: $m, visibility: $v) { created version { name version digest } warnings { path code } } }';
const DEPRECATE = 'mutation D($c: String!, $v: String!) { deprecateComponentVersion(component: $c, version: $v, reason: "use 1.0.0") { version deprecated } }';
const CERTIFY = 'mutation C($r: String!) { certifyComponentVersion(record: $r) { version certification { level verified certifier } } }';

const code = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;

afterAll(removeFixtures);
describe.each(databaseKinds())('publishing over HTTP (%s)', (kind) => {
  let t: TestServer;
  let fixture: FixtureCatalog;
  let acme: string;
  let globex: string;
  let certifier: string;
  let reader: string;
  const cache = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'acme-cache', version: '1.0.0' });
  const yaml = (m: ComponentManifest) => stringify(m);

  beforeAll(async () => {
    fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    acme = await t.token('acme', ['publish']);
    globex = await t.token('globex', ['publish', 'certify']);
    certifier = await t.token('library', ['certify']);
    reader = await t.token('acme', []);
  });
  afterAll(async () => t?.stop());

  it('asks for a token, and for the right scope', async () => {
    expect(code(await t.gql(PUBLISH, { m: yaml(cache) }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PUBLISH, { m: yaml(cache) }, 'aisle_not-a-real-token'))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PUBLISH, { m: yaml(cache) }, reader))).toBe('FORBIDDEN');
    expect(code(await t.gql(PUBLISH, { m: yaml(cache) }, certifier))).toBe('FORBIDDEN');
    // A token that does not verify fails the whole request, even a read.
    const badToken = await t.gql('{ aisles { name } }', undefined, 'aisle_unknown');
    expect(badToken.status).toBe(401);
    expect(code(badToken)).toBe('UNAUTHENTICATED');
  });

  it('publishes once; the same manifest again is a no-op; another manifest for that version is refused', async () => {
    const first = await t.gql(PUBLISH, { m: yaml(cache) }, acme);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.publishComponent).toMatchObject({ created: true, version: { name: 'acme-cache', version: '1.0.0' } });
    const digest = first.body.data.publishComponent.version.digest;
    const again = await t.gql(PUBLISH, { m: JSON.stringify(cache) }, acme);
    expect(again.body.data.publishComponent).toMatchObject({ created: false, version: { digest } });
    const changed = await t.gql(PUBLISH, { m: yaml(derivedManifest(cache, { description: 'Changed after publishing.' })) }, acme);
    expect(code(changed)).toBe('ALREADY_PUBLISHED');
    expect(changed.body.errors?.[0]?.message).toContain('acme-cache@1.0.0');
    const shown = await t.gql('{ component(name: "acme-cache") { organization latest { digest description } } }');
    expect(shown.body.data.component).toMatchObject({ organization: 'acme', latest: { digest } });
    expect(shown.body.data.component.latest.description).not.toContain('Changed after publishing');
  });

  it('publishes a version once when the same manifest arrives several times at once', async () => {
    const race = derivedManifest(cache, { name: 'acme-race' });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.gql(PUBLISH, { m: yaml(race) }, acme)));
    expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(answers.filter((a) => a.body.data.publishComponent.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.data.publishComponent.version.digest)).size).toBe(1);
  });

  it('refuses an invalid manifest with every problem and its path', async () => {
    const broken = structuredClone(cache) as unknown as { metadata: Record<string, unknown> };
    broken.metadata.version = 'one';
    delete broken.metadata.title;
    const r = await t.gql(PUBLISH, { m: stringify(broken) }, acme);
    expect(r.status).toBe(200);
    expect(code(r)).toBe('BAD_USER_INPUT');
    const paths = r.body.errors![0]!.extensions!.problems!.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['metadata.version', 'metadata.title']));
    const syntax = await t.gql(PUBLISH, { m: 'metadata: [unclosed' }, acme);
    expect(code(syntax)).toBe('BAD_USER_INPUT');
    expect(syntax.body.errors?.[0]?.extensions?.problems?.[0]?.code).toBe('YAML_SYNTAX');
    // Issue 10: where in the manifest sent, as the CLI prints it.
    const lines = stringify(broken).split('\n');
    expect(r.body.errors![0]!.extensions!.problems!.find((p) => p.path === 'metadata.version')).toMatchObject({
      line: lines.findIndex((l) => l.trim().startsWith('version:')) + 1,
      column: 3,
    });
    expect(syntax.body.errors?.[0]?.extensions?.problems?.[0]).toMatchObject({ line: 1, column: expect.any(Number) });
  });

  it('runs the same lint as the CLI, across versions too', async () => {
    const withDefault = structuredClone(cache);
    withDefault.metadata.name = 'acme-lint';
    const secret = Object.entries(withDefault.spec.inputs.properties).find(([, p]) => p.writeOnly)!;
    secret[1].default = 'everyone-knows-this';
    const r = await t.gql(PUBLISH, { m: yaml(withDefault) }, acme);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.extensions?.problems?.[0]).toMatchObject({ code: 'LINT_RULE', path: `spec.inputs.properties.${secret[0]}.default` });
    expect(r.text).not.toContain('everyone-knows-this');
    // A new required input within major version 1 breaks app specs that worked with 1.0.0.
    const narrowed = derivedManifest(cache, { version: '1.5.0' });
    narrowed.spec.inputs.properties.tier = { type: 'string', description: 'Service tier.' };
    narrowed.spec.inputs.required = [...(narrowed.spec.inputs.required ?? []), 'tier'];
    const cross = await t.gql(PUBLISH, { m: yaml(narrowed) }, acme);
    expect(code(cross)).toBe('BAD_USER_INPUT');
    const problems = cross.body.errors?.[0]?.extensions?.problems as Array<{ rule?: string }>;
    expect(problems.map((p) => p.rule)).toContain('input-contract-semver');
  });

  it('refuses a manifest on an aisle that is not in the list, suggesting the closest', async () => {
    const typo = derivedManifest(cache, { name: 'acme-typo', aisle: 'cahce' });
    const r = await t.gql(PUBLISH, { m: yaml(typo) }, acme);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.extensions?.problems?.[0]).toMatchObject({
      code: 'AISLE_UNKNOWN',
      path: 'metadata.aisle',
      message: 'there is no aisle named "cahce" (did you mean "cache"?)',
    });
    const aisles = (await t.gql('{ aisles { name } }')).body.data.aisles.map((a: { name: string }) => a.name);
    expect(aisles).not.toContain('cahce');
  });

  it('keeps a name to the organization that published it', async () => {
    const r = await t.gql(PUBLISH, { m: yaml(derivedManifest(cache, { version: '9.0.0' })) }, globex);
    expect(code(r)).toBe('FORBIDDEN');
    const shipped = await t.gql(PUBLISH, { m: yaml(derivedManifest(shippedManifest('redis', '8.2.1'), { version: '8.3.0' })) }, globex);
    expect(code(shipped)).toBe('FORBIDDEN');
  });

  it('deprecates a version: ranges then prefer others', async () => {
    const next = derivedManifest(cache, { version: '1.1.0' });
    expect((await t.gql(PUBLISH, { m: yaml(next) }, acme)).body.data.publishComponent.created).toBe(true);
    expect((await t.gql('{ component(name: "acme-cache") { latest { version } } }')).body.data.component.latest.version).toBe('1.1.0');
    expect(code(await t.gql(DEPRECATE, { c: 'acme-cache', v: '1.1.0' }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(DEPRECATE, { c: 'acme-cache', v: '1.1.0' }, globex))).toBe('FORBIDDEN');
    expect(code(await t.gql(DEPRECATE, { c: 'acme-cache', v: '7.7.7' }, acme))).toBe('NOT_FOUND');
    const r = await t.gql(DEPRECATE, { c: 'acme-cache', v: '1.1.0' }, acme);
    expect(r.body.data.deprecateComponentVersion).toEqual({ version: '1.1.0', deprecated: 'use 1.0.0' });
    expect((await t.gql('{ component(name: "acme-cache") { latest { version } } }')).body.data.component.latest.version).toBe('1.0.0');
  });

  it('lets an admin token deprecate another organization’s component', async () => {
    const m = derivedManifest(cache, { name: 'acme-admin-check' });
    expect((await t.gql(PUBLISH, { m: yaml(m) }, acme)).body.data.publishComponent.created).toBe(true);
    const admin = await t.token('ops', ['admin']);
    const r = await t.gql(DEPRECATE, { c: 'acme-admin-check', v: '1.0.0' }, admin);
    expect(r.body.data.deprecateComponentVersion).toEqual({ version: '1.0.0', deprecated: 'use 1.0.0' });
  });

  it('certifies with a record signed offline, verified against the trust store', async () => {
    const record = certificationFor(cache, fixture.privateKey);
    expect(code(await t.gql(CERTIFY, { r: record }, acme))).toBe('FORBIDDEN');
    const other = generateKeyPairSync('ed25519').privateKey;
    const untrusted = await t.gql(CERTIFY, { r: certificationFor(cache, other) }, certifier);
    expect(code(untrusted)).toBe('BAD_USER_INPUT');
    expect(untrusted.body.errors?.[0]?.message).toContain('trust store');
    const tampered = JSON.parse(record) as Record<string, unknown>;
    tampered.version = '1.1.0';
    expect(code(await t.gql(CERTIFY, { r: JSON.stringify(tampered) }, certifier))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(CERTIFY, { r: '{ not json' }, certifier))).toBe('BAD_USER_INPUT');
    const ok = await t.gql(CERTIFY, { r: record }, certifier);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.certifyComponentVersion).toEqual({
      version: '1.0.0',
      certification: { level: 'certified', verified: true, certifier: 'test-certifier' },
    });
    const list = await t.gql('{ components(certifiedOnly: true) { nodes { name } } }');
    expect(list.body.data.components.nodes.map((n: { name: string }) => n.name)).toContain('acme-cache');
  });
});
