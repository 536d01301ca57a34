import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPRECATION_FILE } from '../../libs/catalog/index.js';
import { aisle } from '../bundles/cli-in-process.js';
import { derivedManifest, fixtureCatalog, removeFixtures, shippedManifest } from './support/fixture-catalog.js';
import { databaseKinds } from './support/test-databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// One component in two places, a catalog folder for the CLI and a service for GraphQL, with the
// same versions: a deprecated one, a prerelease, and a second component that has only a prerelease.
const STABLE = ['1.0.0', '1.1.0', '1.2.0', '2.0.0-rc.1'];
const DEPRECATED = '1.2.0';
const ONLY_RC = '0.1.0-beta.1';

// reference (after NAME) → the version both doors pick, or the code both answer with.
const TABLE: Array<[string, string]> = [
  ['', '1.1.0'],
  ['@*', '1.1.0'],
  ['@latest', '1.1.0'],
  ['@^1', '1.1.0'],
  ['@1.2.0', '1.2.0'],
  ['@^1.2', '1.2.0'],
  ['@~1.0', '1.0.0'],
  ['@^2.0.0-rc.0', '2.0.0-rc.1'],
  ['@^2', 'VERSION_UNSATISFIED'],
  ['@^3', 'VERSION_UNSATISFIED'],
  ['@banana', 'REFERENCE_INVALID'],
];
const ONLY_RC_TABLE: Array<[string, string]> = [
  ['', ONLY_RC],
  ['@latest', ONLY_RC],
  ['@^0.1.0-beta.0', ONLY_RC],
  ['@^0.1', 'VERSION_UNSATISFIED'],
];

const base = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'pick-me' });
const manifests = [...STABLE.map((v) => derivedManifest(base, { version: v })), derivedManifest(base, { name: 'pick-rc', version: ONLY_RC })];
const work = mkdtempSync(join(tmpdir(), 'aisle-pick-'));
for (const m of manifests) {
  const dir = join(work, 'catalog', m.metadata.name, m.metadata.version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'component.yaml'), stringify(m));
  if (m.metadata.name === 'pick-me' && m.metadata.version === DEPRECATED) writeFileSync(join(dir, DEPRECATION_FILE), 'broken\n');
}

/** What the CLI picks for a reference: the version `aisle show` shows, or the first error's code. */
async function cli(reference: string): Promise<string> {
  const r = await aisle(['show', reference, '--json', '--catalog', join(work, 'catalog')], work);
  const body = JSON.parse(r.out);
  return body.result?.version ?? body.diagnostics.find((d: { severity: string }) => d.severity === 'error').code;
}

afterAll(() => {
  removeFixtures();
  rmSync(work, { recursive: true, force: true });
});
describe.each(databaseKinds())('CLI and GraphQL pick the same version for a reference (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer(kind, { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    const token = await t.token('acme', ['publish']);
    for (const m of manifests) {
      const r = await t.gql('mutation P($m: String!) { publishComponent(manifest: $m) { created } }', { m: stringify(m) }, token);
      expect(r.body.errors).toBeUndefined();
    }
    const d = await t.gql(
      `mutation { deprecateComponentVersion(component: "pick-me", version: "${DEPRECATED}", reason: "broken") { version } }`,
      undefined,
      token,
    );
    expect(d.body.errors).toBeUndefined();
  });
  afterAll(async () => t?.stop());

  /** What GraphQL picks: through validateInputs (composition's way) and through component.version (browsing's). */
  async function api(name: string, range: string | undefined): Promise<string[]> {
    const validate = await t.gql('query V($c: String!, $r: String) { validateInputs(component: $c, range: $r, inputs: {}) { version } }', {
      c: name,
      r: range,
    });
    const browse =
      range === undefined
        ? await t.gql('query L($c: String!) { component(name: $c) { version: latest { version } } }', { c: name })
        : await t.gql('query B($c: String!, $r: String!) { component(name: $c) { version(range: $r) { version } } }', { c: name, r: range });
    const picked = (r: typeof validate, get: (data: any) => string | undefined) =>
      r.body.errors?.[0]?.extensions?.problems?.[0]?.code ?? get(r.body.data) ?? 'VERSION_UNSATISFIED';
    return [picked(validate, (d) => d.validateInputs.version), picked(browse, (d) => d.component.version?.version)];
  }

  it.each([...TABLE.map(([ref, want]) => ['pick-me', ref, want]), ...ONLY_RC_TABLE.map(([ref, want]) => ['pick-rc', ref, want])])(
    '%s%s → %s',
    async (name, ref, want) => {
      // A bare name: validateInputs without a range, and the component's latest.
      expect([await cli(`${name}${ref}`), ...(await api(name, ref === '' ? undefined : ref.slice(1)))]).toEqual([want, want, want]);
    },
  );

  it('shows as latest what a bare name picks', async () => {
    const r = await t.gql('{ a: component(name: "pick-me") { latest { version } } b: component(name: "pick-rc") { latest { version } } }');
    expect([r.body.data.a.latest.version, r.body.data.b.latest.version]).toEqual([await cli('pick-me'), await cli('pick-rc')]);
  });
});
