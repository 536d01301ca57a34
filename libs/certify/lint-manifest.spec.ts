import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, type ComponentManifest } from '../manifest/index.js';
import { lintManifest } from './lint-manifest.js';
import { LINT_RULES, MANIFEST_RULES } from './lint-rules.js';

const testdata = join(__dirname, 'testdata');

function load(file: string): ComponentManifest {
  const parsed = parseManifest(readFileSync(join(testdata, file), 'utf8'), file);
  // Fixtures must pass the schema: each one breaks a lint rule, not the format.
  expect(parsed.diagnostics).toEqual([]);
  return parsed.value!;
}

// What each rule's fixture must produce: [path, part of the message].
const EXPECTED: Record<string, Array<[string, string]>> = {
  'pinned-tag': [['spec.image.tag', '"1" is not a pinned release tag']],
  'health-check': [['spec.runtime.health.tcp.port', 'probes port 9999, which is not among spec.runtime.ports']],
  resources: [['spec.runtime.resources.requests.memory', 'requests 128Mi, more than the limit 64Mi']],
  'required-inputs': [['spec.inputs.required', 'requires 6 inputs']],
  'inputs-defaulted': [['spec.inputs.properties.region', 'is optional but has no default']],
  'secret-write-only': [['spec.inputs.properties.apiToken.writeOnly', '"apiToken" looks like a secret']],
  'secret-no-default': [['spec.inputs.properties.password.default', 'a secret must not have a default']],
  'references-resolve': [
    ['spec.runtime.env.DB', 'names the input "databse", which is not declared'],
    ['spec.outputs.host.value', '"${{ db.host }}" refers to nothing a component knows'],
  ],
  'defaults-valid': [['spec.inputs.properties.database.default', '"App-1" does not satisfy the input\'s schema']],
  'description-license': [
    ['metadata.description', 'is missing or empty'],
    ['metadata.license', 'is missing or empty'],
  ],
  'no-secret-in-command': [['spec.runtime.command.2', 'refers to the secret input "password"']],
  'pattern-message': [
    ['spec.inputs.properties.database.pattern', 'has no x-aisle-pattern-message: add the sentence people read instead of the pattern'],
    ['spec.inputs.properties.storageSize.x-aisle-pattern-message', 'repeats the pattern itself'],
  ],
  // The defects of the issue 13 audit, each in the manifest it was found in.
  'secret-pasted-unescaped': [
    ['spec.inputs.properties.password', 'reaches MYSQL_PASSWORD, and the entrypoint pastes it into SQL unescaped'],
    ['spec.inputs.properties.rootPassword', 'its pattern must refuse a single quote and a backslash'],
  ],
  'health-after-init': [['spec.runtime.health.command', 'temporary mongod on 127.0.0.1:27017']],
  'entrypoint-kept': [['spec.runtime.command', "loads Redis 8's bundled modules"]],
  'snapshot-schedule': [['spec.runtime.command', 'still writes dump.rdb']],
  'memory-input-bounded': [['spec.inputs.properties.maxMemory.pattern', 'accepts "512mb"']],
  'kafka-host-listener': [['spec.runtime.env.KAFKA_ADVERTISED_LISTENERS', 'advertises no localhost listener on a published port (9092)']],
  'env-read-by-image': [
    ['spec.runtime.env.NGINX_HOST', 'only fills templates under /etc/nginx/templates'],
    ['spec.runtime.env.NGINX_PORT', 'has no effect'],
  ],
  'served-ports': [['spec.runtime.ports.1', 'declares 443, which nothing serves']],
};

describe('lintManifest', () => {
  it('passes the good fixture with no findings', () => {
    expect(lintManifest(load('good.component.yaml'))).toEqual([]);
  });

  it('has a fixture for every single-manifest rule', () => {
    const fixtures = readdirSync(join(testdata, 'rules'))
      .map((f) => f.replace('.component.yaml', ''))
      .sort();
    expect(fixtures).toEqual(MANIFEST_RULES.map((r) => r.name).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtures);
  });

  it.each(Object.entries(EXPECTED))('%s: its fixture breaks it, and only it', (rule, expected) => {
    const file = `rules/${rule}.component.yaml`;
    const diagnostics = lintManifest(load(file), { file });
    expect(diagnostics.map((d) => [d.rule, d.path])).toEqual(expected.map(([path]) => [rule, path]));
    diagnostics.forEach((d, i) => {
      expect(d).toMatchObject({ severity: 'error', code: 'LINT_RULE', file });
      expect(d.message).toContain(expected[i]![1]);
    });
  });

  it('makes a missing pattern message a warning when publishing, an error when certifying (issue 9)', () => {
    const manifest = load('rules/pattern-message.component.yaml');
    expect(lintManifest(manifest).map((d) => d.severity)).toEqual(['error', 'error']);
    expect(lintManifest(manifest, { publishing: true }).map((d) => [d.severity, d.rule])).toEqual([
      ['warning', 'pattern-message'],
      ['warning', 'pattern-message'],
    ]);
    // Every other rule stays an error on publish.
    expect(lintManifest(load('rules/pinned-tag.component.yaml'), { publishing: true }).map((d) => d.severity)).toEqual(['error']);
  });

  it('gives line numbers when it can locate paths', () => {
    const [d] = lintManifest(load('rules/pinned-tag.component.yaml'), {
      locate: (path) => (path.join('.') === 'spec.image.tag' ? { line: 16, column: 10 } : undefined),
    });
    expect(d).toMatchObject({ line: 16, column: 10 });
  });

  it('lists every rule by name, the cross-version one last', () => {
    expect(LINT_RULES).toEqual([...MANIFEST_RULES.map((r) => r.name), 'input-contract-semver', 'upgrade-migrations-declared']);
    expect(new Set(LINT_RULES).size).toBe(LINT_RULES.length);
  });

  it('reports a missing health check and missing resources on an unvalidated manifest instead of throwing', () => {
    const manifest = load('good.component.yaml');
    const broken = {
      ...manifest,
      spec: { ...manifest.spec, runtime: { ...manifest.spec.runtime, health: {}, resources: undefined } },
    } as unknown as ComponentManifest;
    const rules = lintManifest(broken).map((d) => `${d.rule} ${d.path}`);
    expect(rules).toEqual(['health-check spec.runtime.health', 'resources spec.runtime.resources']);
  });
});
