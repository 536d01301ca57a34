import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expandLikeKubelet } from '../kubernetes/testdata/expand-like-kubelet.js';
import { fixtureApp } from '../kubernetes/testdata/fixture-app.js';
import { kubectlKustomize } from '../../../test/bundles/kubectl-kustomize.js';
import { validateKubernetesObject } from '../kubernetes/testdata/validate-kubernetes-object.js';
import type { BundleFile } from '../renderer.js';
import { readHelmSecrets } from './read-helm-secrets.js';
import { renderHelm } from './render-helm.js';
import { helmTemplate } from '../../../test/bundles/helm-run.js';

type Obj = Record<string, any>;

const LOOKUP = '{{- with lookup "v1" "Secret" $.Release.Namespace $name }}{{ $previous = .data | default dict }}{{ end }}';

interface InstallOptions {
  release?: string;
  args?: string[];
  /** The live Secrets an upgrade would find, by instance: `lookup` needs a cluster, so their data is put where it would return. */
  live?: Map<string, Obj>;
}

/** Renders the chart with the real `helm template` and returns its objects by KIND/NAME. */
function install(files: BundleFile[], options: InstallOptions = {}): Map<string, Obj> {
  const chart = files.map((file) => {
    const instance = /^templates\/([^/]+)\/secret\.yaml$/.exec(file.path)?.[1];
    const live = instance === undefined ? undefined : options.live?.get(instance);
    if (!live) return file;
    expect(file.content, file.path).toContain(LOOKUP);
    const data = Object.entries(live.data as Record<string, string>)
      .map(([k, v]) => `${JSON.stringify(k)} ${JSON.stringify(v)}`)
      .join(' ');
    return { ...file, content: file.content.replace(LOOKUP, `{{- $previous = dict ${data} }}`) };
  });
  return helmTemplate(chart, { release: options.release ?? 'rel', args: options.args ?? [] }).objects;
}

/** What a container sees for a variable: secretKeyRef read from the rendered Secret, values expanded like the kubelet. */
function containerEnv(objects: Map<string, Obj>, workload: string): Record<string, string> {
  const container = objects.get(workload)!.spec.template.spec.containers[0];
  const seen: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) seen[variable.name] = expandLikeKubelet(variable.value, seen);
    else {
      const ref = variable.valueFrom.secretKeyRef;
      seen[variable.name] = Buffer.from(objects.get(`Secret/${ref.name}`)!.data[ref.key], 'base64').toString('utf8');
    }
  }
  return seen;
}

/** The rendered Secrets by instance (object names are RELEASE-INSTANCE). */
const secretsOf = (objects: Map<string, Obj>) =>
  new Map([...objects].filter(([k]) => k.startsWith('Secret/')).map(([, o]) => [String(o.metadata.name).replace(/^[^-]+-/, ''), o]));

describe('renderHelm', () => {
  const app = fixtureApp();
  const files = renderHelm(app);

  it('lays out a chart, sorted and byte-stable', () => {
    expect(files.map((f) => f.path)).toEqual([
      '.helmignore',
      'Chart.yaml',
      'aisle.lock',
      'templates/NOTES.txt',
      'templates/_helpers.tpl',
      'templates/cache/secret.yaml',
      'templates/cache/service-headless.yaml',
      'templates/cache/service.yaml',
      'templates/cache/statefulset.yaml',
      'templates/db/secret.yaml',
      'templates/db/service-headless.yaml',
      'templates/db/service.yaml',
      'templates/db/statefulset.yaml',
      'templates/web/deployment.yaml',
      'templates/web/service.yaml',
      'templates/worker/deployment.yaml',
      'values.schema.json',
      'values.yaml',
    ]);
    expect(renderHelm(fixtureApp())).toEqual(files);
    expect(parse(files.find((f) => f.path === 'Chart.yaml')!.content)).toMatchObject({ apiVersion: 'v2', name: 'shop', version: '0.1.0', appVersion: '0.1.0' });
  });

  it("holds each instance's inputs and image under its name in values.yaml, generated secrets empty", () => {
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content);
    expect(values.db).toEqual({
      database: 'shop',
      username: 'app',
      password: '',
      storageSize: '1Gi',
      image: { repository: 'docker.io/library/postgres', tag: '16.10' },
    });
    expect(values.worker.image).toEqual({ repository: 'ghcr.io/example/worker', tag: '2.0.0', digest: `sha256:${'b'.repeat(64)}` });
  });

  it('renders, with real helm template, to objects the Kubernetes schemas and kubectl kustomize accept', () => {
    const rendered = helmTemplate(files).files;
    for (const { path, content } of rendered) {
      expect(content, path).not.toMatch(/<nil>|<no value>|__aisle_/);
      validateKubernetesObject(parse(content, { version: '1.1' }) as Obj);
    }
    const kustomization = { path: 'kustomization.yaml', content: `resources:\n${rendered.map((f) => `- ${f.path}`).join('\n')}\n` };
    const built = kubectlKustomize([...rendered, kustomization]);
    expect(built).toHaveLength(rendered.length);
  });

  it('uses one generated secret everywhere and keeps it across upgrades', () => {
    const first = install(files);
    const password = containerEnv(first, 'StatefulSet/rel-db').POSTGRES_PASSWORD!;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(containerEnv(first, 'Deployment/rel-web').DATABASE_URL).toBe(`postgresql://app:${password}@rel-db:5432/shop`);
    const upgraded = install(files, { live: secretsOf(first) });
    expect(containerEnv(upgraded, 'StatefulSet/rel-db').POSTGRES_PASSWORD).toBe(password);
    expect(containerEnv(upgraded, 'Deployment/rel-web').DATABASE_URL).toBe(`postgresql://app:${password}@rel-db:5432/shop`);
    // A fresh install generates a fresh one.
    expect(containerEnv(install(files), 'StatefulSet/rel-db').POSTGRES_PASSWORD).not.toBe(password);
  });

  it('follows --set for inputs, secrets and images, and the release name for hosts', () => {
    const objects = install(files, {
      release: 'prod',
      args: ['--set', 'db.database=orders', '--set-string', 'db.password=given p@ss/word', '--set-string', 'web.image.tag=1.31'],
    });
    const web = containerEnv(objects, 'Deployment/prod-web');
    expect(web.DATABASE_URL).toBe('postgresql://app:given%20p%40ss%2Fword@prod-db:5432/orders');
    expect(containerEnv(objects, 'StatefulSet/prod-db')).toMatchObject({ POSTGRES_DB: 'orders', POSTGRES_PASSWORD: 'given p@ss/word' });
    expect(objects.get('Deployment/prod-web')!.spec.template.spec.containers[0].image).toBe('docker.io/library/nginx:1.31');
    expect(containerEnv(objects, 'Deployment/prod-worker').REDIS_URL).toBe('redis://:rT5yB7mC4hJZq3kP9wLx2vN8@prod-cache:6379/0');
    // With a value given, an upgrade takes it rather than the live one.
    const live = secretsOf(install(files, { release: 'prod' }));
    expect(
      containerEnv(install(files, { release: 'prod', live, args: ['--set', 'db.password=changed-on-purpose'] }), 'StatefulSet/prod-db').POSTGRES_PASSWORD,
    ).toBe('changed-on-purpose');
  });

  it('rebuilds every env value, command and argument composition resolved (hosts release-prefixed)', () => {
    // Helm names are release-prefixed; apart from that, every value must match what composition resolved.
    const given = fixtureApp({ dbPassword: 'Zq3kP9wLx2vN8rT5yB7mC4hJ' });
    given.instances.find((i) => i.name === 'db')!.generatedInputs = [];
    const objects = install(renderHelm(given));
    const cache = objects.get('StatefulSet/rel-cache')!.spec.template.spec.containers[0];
    const expand = (s: string) => expandLikeKubelet(s, containerEnv(objects, 'StatefulSet/rel-cache'));
    expect(cache.command.map(expand)).toEqual(given.instances[0]!.command!.map((v) => v.value));
    expect(cache.args.map(expand)).toEqual(given.instances[0]!.args!.map((v) => v.value));
    const web = containerEnv(objects, 'Deployment/rel-web');
    expect(web.DATABASE_URL).toBe(given.instances[2]!.env[0]!.value.replace('@db:', '@rel-db:'));
  });

  it('writes an empty value as an empty string, not a null', () => {
    const app = fixtureApp();
    app.instances[2]!.env.push({ name: 'EMPTY', value: '', secret: false, parts: [] });
    expect(containerEnv(install(renderHelm(app)), 'Deployment/rel-web').EMPTY).toBe('');
  });

  it('leaves out of values.yaml and its schema a plain input no template reads, so no key is without effect', () => {
    // The fixture's cache declares persistence but nothing reads it; storageSize sizes the claim.
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content);
    expect(values.cache).not.toHaveProperty('persistence');
    expect(values.db.storageSize).toBe('1Gi');
    const schema = JSON.parse(files.find((f) => f.path === 'values.schema.json')!.content);
    expect(schema.properties.cache.properties).not.toHaveProperty('persistence');
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    expect(ajv.compile(schema)({ ...values, cache: { ...values.cache, persistence: true } })).toBe(false);
    expect(files.find((f) => f.path === 'templates/db/statefulset.yaml')!.content).toContain(
      'storage: {{ index $.Values "db" "storageSize" | toString | include "shop.quote" }}',
    );
  });

  it('has a values.schema.json that ajv compiles and that accepts values.yaml', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(files.find((f) => f.path === 'values.schema.json')!.content));
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content);
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...values, db: { ...values.db, unknown: 1 } })).toBe(false);
    expect(validate({ ...values, db: { ...values.db, password: 7 } })).toBe(false);
  });

  it('reads given secrets back from values.yaml, never the empty generated ones', () => {
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    expect(readHelmSecrets(byPath)).toEqual({ cache: { password: 'rT5yB7mC4hJZq3kP9wLx2vN8' } });
    expect(readHelmSecrets(new Map([['values.yaml', '{ not: [yaml']]))).toEqual({});
  });

  it('references only values that exist, and balances its actions', () => {
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content);
    for (const file of files.filter((f) => f.path.startsWith('templates/'))) {
      expect(file.content.split('{{').length, file.path).toBe(file.content.split('}}').length);
      for (const m of file.content.matchAll(/index \$\.Values((?: "[^"]+"| \d+)+)/g)) {
        const path = [...m[1]!.matchAll(/"([^"]+)"|(\d+)/g)].map((p) => p[1] ?? Number(p[2]));
        expect(
          path.reduce((v: any, k) => v?.[k], values),
          `${file.path}: ${m[0]}`,
        ).not.toBeUndefined();
      }
      for (const m of file.content.matchAll(/index \$\.Values\.fixedText((?: "[^"]+"| \d+)+)/g)) {
        const path = [...m[1]!.matchAll(/"([^"]+)"|(\d+)/g)].map((p) => p[1] ?? Number(p[2]));
        expect(
          path.reduce((v: any, k) => v?.[k], values.fixedText),
          `${file.path}: ${m[0]}`,
        ).toBeTypeOf('string');
      }
    }
  });
});
