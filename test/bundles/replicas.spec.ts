import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../libs/composition/index.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import { renderCompose, renderHelm, renderKubernetes, renderOpenShift, TEMPLATE_FILE, type BundleFile } from '../../libs/render/index.js';
import { validateKubernetesObject } from '../../libs/render/kubernetes/testdata/validate-kubernetes-object.js';
import { aisle } from './cli-in-process.js';
import { dockerComposeConfig, writeTemp } from './compose-checks.js';
import { shippedCatalog } from './example-bundles.js';
import { helmTemplate } from './helm-run.js';
import { kubectlKustomize } from './kubectl-kustomize.js';

type Obj = Record<string, any>;

// Issue 14, build 5: the service itself at three replicas on PostgreSQL, through every target's own tool.
const spec = (replicas?: number, extra = '') => `apiVersion: aisle.dev/v1
kind: App
metadata: { name: registry }
instances:
  db:
    component: postgresql@^18
    inputs: { database: aisle, username: aisle }
  aisle:
    component: aisle@^1
${replicas === undefined ? '' : `    replicas: ${replicas}\n`}    inputs: { databaseUrl: "\${{ db.url }}" }
${extra}`;

const SECRETS = { db: { password: 'fixed-password-for-tests' } };
function compose(text: string) {
  const parsed = parseAppSpec(text, 'app.yaml');
  expect(parsed.diagnostics).toEqual([]);
  const r = composeApp(parsed.value!, shippedCatalog(), { previousSecrets: SECRETS });
  expect(r.diagnostics).toEqual([]);
  return r.app!;
}
const file = (files: readonly BundleFile[], path: string) => files.find((f) => f.path === path)?.content;

describe('the aisle service at three replicas with PostgreSQL', () => {
  it('Kubernetes: a Deployment of 3 and a PodDisruptionBudget on its pods pass the official schemas and kubectl kustomize', () => {
    const files = renderKubernetes(compose(spec(3)));
    const objects = kubectlKustomize(files);
    for (const object of objects) validateKubernetesObject(object);
    const deployment = objects.find((o) => o.kind === 'Deployment') as Obj;
    const budget = objects.find((o) => o.kind === 'PodDisruptionBudget') as Obj;
    expect(deployment.spec.replicas).toBe(3);
    expect(budget).toMatchObject({ apiVersion: 'policy/v1', metadata: { name: 'aisle' }, spec: { maxUnavailable: 1 } });
    // The budget picks exactly the Deployment's pods.
    expect(budget.spec.selector).toEqual(deployment.spec.selector);
    expect(deployment.spec.template.metadata.labels).toMatchObject(budget.spec.selector.matchLabels);
    // PostgreSQL stays one StatefulSet with no budget of its own.
    expect(objects.filter((o) => o.kind === 'StatefulSet').map((o) => (o as Obj).spec.replicas)).toEqual([1]);
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toHaveLength(1);
    expect(parse(file(files, 'kustomization.yaml')!).resources).toContain('aisle/poddisruptionbudget.yaml');
  });

  it('Kubernetes: replicas 1 writes the same bytes as no replicas at all (no budget: it would block every drain)', () => {
    expect(renderKubernetes(compose(spec(1)))).toEqual(renderKubernetes(compose(spec())));
  });

  it('Compose: deploy.replicas 3, no host port, and docker-compose config accepts it', () => {
    const files = renderCompose(compose(spec(3)));
    const dir = writeTemp(files);
    try {
      const { config } = dockerComposeConfig(dir);
      expect(config.services.aisle.deploy.replicas).toBe(3);
      expect(config.services.aisle.ports).toBeUndefined();
      expect(config.services.aisle.container_name).toBeUndefined();
      expect(config.services.db.deploy.replicas).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Helm: the count is a value; helm template follows --set, and the budget comes and goes with it', () => {
    const chart = renderHelm(compose(spec(3)));
    expect(parse(file(chart, 'values.yaml')!).aisle.replicas).toBe(3);
    const kinds = (args: string[] = []) => {
      const r = helmTemplate(chart, { args });
      for (const object of r.objects.values()) validateKubernetesObject(object);
      return r.objects;
    };
    const three = kinds();
    expect(three.get('Deployment/rel-aisle')!.spec.replicas).toBe(3);
    expect(three.get('PodDisruptionBudget/rel-aisle')!.spec.selector).toEqual(three.get('Deployment/rel-aisle')!.spec.selector);
    const five = kinds(['--set', 'aisle.replicas=5']);
    expect(five.get('Deployment/rel-aisle')!.spec.replicas).toBe(5);
    expect(five.has('PodDisruptionBudget/rel-aisle')).toBe(true);
    const one = kinds(['--set', 'aisle.replicas=1']);
    expect(one.get('Deployment/rel-aisle')!.spec.replicas).toBe(1);
    expect(one.has('PodDisruptionBudget/rel-aisle')).toBe(false);
    for (const bad of ['0', '101', '2.5']) expect(() => helmTemplate(chart, { args: ['--set', `aisle.replicas=${bad}`] }), bad).toThrow(/replicas/);
  });

  it('Helm: a chart composed without replicas has no such value, and values.schema.json refuses one', () => {
    const chart = renderHelm(compose(spec()));
    expect(parse(file(chart, 'values.yaml')!).aisle.replicas).toBeUndefined();
    expect(chart.some((f) => f.path.endsWith('poddisruptionbudget.yaml'))).toBe(false);
    expect(() => helmTemplate(chart, { args: ['--set', 'aisle.replicas=3'] })).toThrow(/replicas/);
  });

  it('OpenShift: the Template carries the Deployment of 3 and its budget, each passing the official schemas', () => {
    const template = parse(file(renderOpenShift(compose(spec(3))), TEMPLATE_FILE)!) as Obj;
    const objects = template.objects as Obj[];
    for (const object of objects.filter((o) => o.kind !== 'Route')) validateKubernetesObject(object);
    expect(objects.find((o) => o.kind === 'Deployment')!.spec.replicas).toBe(3);
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => o.spec.maxUnavailable)).toEqual([1]);
  });
});

describe('aisle validate and compose refuse replicas they cannot honour', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-replicas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const stateful = write(
    'stateful.yaml',
    'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql\n    replicas: 3\n',
  );
  const tooMany = write('too-many.yaml', spec(101));

  it('replicas on a component with a volume: one line with file, line, path and sentence; exit 1; nothing written', async () => {
    const r = await aisle(['validate', stateful], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'error: stateful.yaml:7:5: db.replicas: postgresql keeps its data on a volume (data), so only one copy of it can run: remove replicas or set it to 1\n',
    );
    const out = join(dir, 'out');
    const c = await aisle(['compose', stateful, '--target', 'kubernetes', '--out', out], dir);
    expect(c.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('--json gives the code and path, exit 1', async () => {
    const r = await aisle(['validate', stateful, '--json'], dir);
    expect(r.code).toBe(1);
    const answer = JSON.parse(r.out);
    expect(answer.ok).toBe(false);
    expect(answer.diagnostics).toEqual([expect.objectContaining({ code: 'REPLICAS_STATEFUL', path: 'db.replicas', line: 7, column: 5 })]);
  });

  it('a count out of bounds says the bound, exit 1, in text and in --json', async () => {
    const r = await aisle(['validate', tooMany], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: too-many.yaml:10:5: instances.aisle.replicas: must be at most 100\n');
    const j = await aisle(['compose', tooMany, '--json', '--target', 'helm', '--out', join(dir, 'never')], dir);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: 'instances.aisle.replicas', message: 'must be at most 100' }),
    ]);
  });
});

describe('day two keeps replicas', () => {
  it('aisle upgrade asks for the app spec (the lock does not hold replicas), and with it keeps the count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-replicas-upgrade-'));
    try {
      const app = (db: string) =>
        `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: "${db}" }\n  web:\n    component: web-app@^1\n    replicas: 3\n    inputs: { image: "ghcr.io/acme/shop:1.4.2" }\n`;
      writeFileSync(join(dir, 'old.yaml'), app('postgresql@17.6.0'));
      writeFileSync(join(dir, 'app.yaml'), app('postgresql@^17'));
      expect((await aisle(['compose', 'old.yaml', '--target', 'kubernetes', '--out', 'k8s'], dir)).code).toBe(0);
      const alone = await aisle(['upgrade', 'k8s', '--json'], dir);
      expect(alone.code).toBe(1);
      expect(JSON.parse(alone.out).diagnostics).toEqual([expect.objectContaining({ code: 'UPGRADE_NEEDS_APP' })]);
      const up = await aisle(['upgrade', 'k8s', '--app', 'app.yaml'], dir);
      expect(up.code, up.err).toBe(0);
      expect(readFileSync(join(dir, 'k8s/aisle.lock'), 'utf8')).toContain('version: 17.11.0');
      expect(parse(readFileSync(join(dir, 'k8s/web/deployment.yaml'), 'utf8')).spec.replicas).toBe(3);
      expect(existsSync(join(dir, 'k8s/web/poddisruptionbudget.yaml'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
