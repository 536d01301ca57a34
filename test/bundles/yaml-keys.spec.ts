import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { shippedCatalogDir } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import { checkAppSpec, checkManifest, parseAppSpec } from '../../libs/manifest/index.js';
import { RENDERERS, TARGETS, toYaml, type BundleFile } from '../../libs/render/index.js';
import { dockerComposeConfig, writeTemp } from './compose-checks.js';
import { shippedCatalog } from './example-bundles.js';
import { helmBinary } from './helm-binary.js';
import { kubectlKustomize } from './kubectl-kustomize.js';

const LONGEST = `A${'_B'.repeat(63)}9`;

const WIRED = `${LONGEST.slice(0, 124)}_URL`;

const spec = (envName: string, publish = 'http', wiredName = `${envName}_URL`) =>
  [
    'apiVersion: aisle.dev/v1',
    'kind: App',
    'metadata: { name: keys }',
    'instances:',
    '  db:',
    '    component: postgresql',
    '  web:',
    '    component: web-app',
    '    inputs: { image: "a/b:1" }',
    '    env:',
    `      ${envName}: plain`,
    `      ${wiredName}: \${{ db.url }}`,
    `    publish: { ${JSON.stringify(publish)}: 8080 }`,
    '',
  ].join('\n');

/** Every YAML file of a bundle, parsed by the yaml library as 1.1 and 1.2: no errors. */
function expectYamlParses(files: readonly BundleFile[]): void {
  // Chart templates are Go templates, read by helm (below), not YAML.
  for (const f of files.filter((f) => /\.(yaml|lock)$/.test(f.path) && !f.path.startsWith('templates/'))) {
    for (const version of ['1.1', '1.2'] as const) {
      for (const doc of parseAllDocuments(f.content, { version }))
        expect(
          doc.errors.map((e) => e.message),
          `${f.path} (${version})`,
        ).toEqual([]);
    }
  }
}

describe('names that become YAML keys are bounded where they come in (issue 8, item 10)', () => {
  it.each([129, 1025, 5000])('refuses an app spec env name of %i characters with a plain sentence', (length) => {
    const name = 'A'.repeat(length);
    // Past 1,024 characters a YAML file cannot even hold the key plainly; JSON (the GraphQL service) can.
    const value = parse(spec('GREETING'));
    value.instances.web.env = { [name]: 'x' };
    const checked = checkAppSpec(value);
    expect(checked.value).toBeUndefined();
    const d = checked.diagnostics.find((x) => x.path === `instances.web.env.${name}`);
    expect(d?.code).toBe('SCHEMA_VIOLATION');
    expect(d?.message).toBe('is not a valid name: use 1 to 128 letters, digits and "_", not starting with a digit');
  });

  it('refuses a component manifest env name of 1,025 characters with a plain sentence', () => {
    const manifest = parse(readFileSync(join(shippedCatalogDir(), 'redis/8.2.0/component.yaml'), 'utf8'));
    const name = 'A'.repeat(1025);
    manifest.spec.runtime.env = { ...manifest.spec.runtime.env, [name]: 'x' };
    const checked = checkManifest(manifest);
    const d = checked.diagnostics.find((x) => x.path === `spec.runtime.env.${name}`);
    expect(d?.code).toBe('SCHEMA_VIOLATION');
    expect(d?.message).toBe('is not a valid name: use 1 to 128 letters, digits and "_", not starting with a digit');
  });

  it('refuses a publish entry that cannot be a port name, without a regex in the message', () => {
    const value = parse(spec('GREETING'));
    value.instances.web.publish = { [`${'x'.repeat(2000)}: yes`]: 8080 };
    const d = checkAppSpec(value).diagnostics.find((x) => x.path.startsWith('instances.web.publish.'));
    expect(d?.code).toBe('SCHEMA_VIOLATION');
    expect(d?.message).toBe('is not a valid name: use a port name of the component (1 to 15 lower-case letters, digits and "-")');
  });

  it('the longest env names allowed load in docker-compose, kubectl kustomize and helm', () => {
    expect([LONGEST.length, WIRED.length]).toEqual([128, 128]);
    const parsed = parseAppSpec(spec(LONGEST, 'http', WIRED));
    expect(parsed.diagnostics).toEqual([]);
    const composed = composeApp(parsed.value!, shippedCatalog());
    expect(composed.diagnostics).toEqual([]);
    const bundles = Object.fromEntries(TARGETS.map((t) => [t, RENDERERS[t](composed.app!)])) as Record<(typeof TARGETS)[number], BundleFile[]>;
    for (const files of Object.values(bundles)) expectYamlParses(files);

    const env = dockerComposeConfig(writeTemp(bundles.compose)).config.services.web.environment;
    expect(env[LONGEST]).toBe('plain');
    expect(env[WIRED]).toMatch(/^postgresql:\/\//);

    // The wired value holds the database password: it travels in the Secret as env.NAME (a key of at most 253 characters).
    const objects = kubectlKustomize(bundles.kubernetes) as Array<Record<string, any>>;
    const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'web')!;
    expect(Object.keys({ ...secret.stringData, ...secret.data })).toContain(`env.${WIRED}`);

    const chart = writeTemp(bundles.helm);
    const home = mkdtempSync(join(tmpdir(), 'aisle-helm-home-'));
    const r = spawnSync(helmBinary(), ['template', 'rel', chart], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const deployment = parseAllDocuments(r.stdout)
      .map((d) => d.toJS())
      .find((o) => o?.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining([LONGEST, WIRED]));
  });

  it('a key too long for a plain YAML key is a bug the writer reports, not a file nobody can read', () => {
    expect(() => toYaml({ a: { ['k'.repeat(1025)]: 1 } })).toThrow('toYaml: a mapping key of more than 1024 characters');
    expect(parse(toYaml({ ['k'.repeat(1000)]: 1 }))).toEqual({ ['k'.repeat(1000)]: 1 });
  });
});
