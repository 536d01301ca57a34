import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadCatalog, shippedCatalogDir } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import type { BundleFile } from '../../libs/render/index.js';
import { renderHelm } from '../../libs/render/helm/index.js';
import { BAD_VALUES } from '../../libs/render/kubernetes/testdata/bad-values.js';
import { expandLikeKubelet } from '../../libs/render/kubernetes/testdata/expand-like-kubelet.js';
import { fixtureApp } from '../../libs/render/kubernetes/testdata/fixture-app.js';
import { validateKubernetesObject } from '../../libs/render/kubernetes/testdata/validate-kubernetes-object.js';
import { exampleBundle, exampleNames } from './example-bundles.js';
import { everyComponentSpec } from './catalog-wiring.js';
import { helmBinary } from './helm-binary.js';
import { runHelm, writeChart as writeChartIn } from './helm-run.js';

type Obj = Record<string, any>;

let root: string;

beforeAll(() => {
  // No skip: CI installs the package, so a missing or broken binary must fail the run.
  helmBinary();
  root = mkdtempSync(join(tmpdir(), 'aisle-helm-real-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a chart into a fresh folder under the suite's temp dir. */
function writeChart(files: readonly BundleFile[], name: string): string {
  return writeChartIn(files, root, name);
}

/** `helm template` that must succeed; returns the objects, each validated against its official schema. */
function template(dir: string, release: string, args: string[] = []): Map<string, Obj> {
  const result = runHelm(['template', release, dir, ...args]);
  expect(result.status, result.stderr).toBe(0);
  const objects = new Map<string, Obj>();
  for (const doc of parseAllDocuments(result.stdout, { version: '1.1' })) {
    expect(doc.errors).toEqual([]);
    const object = doc.toJS() as Obj | null;
    if (!object) continue;
    const key = `${object.kind}/${object.metadata?.name}`;
    expect(() => validateKubernetesObject(object), key).not.toThrow();
    expect(objects.has(key), `two objects are ${key}`).toBe(false);
    objects.set(key, object);
  }
  return objects;
}

/** A container's env as the kubelet would give it: secretKeyRefs read from the rendered Secrets, `$(VAR)` expanded. */
function envOf(objects: Map<string, Obj>, workload: string): Record<string, string> {
  const seen: Record<string, string> = {};
  const object = objects.get(workload);
  expect(object, workload).toBeDefined();
  for (const variable of object!.spec.template.spec.containers[0].env ?? []) {
    if (variable.value !== undefined) seen[variable.name] = expandLikeKubelet(variable.value, seen);
    else {
      const ref = variable.valueFrom.secretKeyRef;
      const secret = objects.get(`Secret/${ref.name}`);
      expect(secret?.data?.[ref.key], `${workload} ${variable.name} → ${ref.name}/${ref.key}`).toBeTypeOf('string');
      seen[variable.name] = Buffer.from(secret!.data[ref.key], 'base64').toString('utf8');
    }
  }
  return seen;
}

describe('every example Helm chart passes real helm (Helm 4 lint and template)', () => {
  for (const example of exampleNames()) {
    it(`${example}: helm lint --strict passes, helm template renders valid objects`, () => {
      const files = exampleBundle(example, 'helm');
      const dir = writeChart(files, example);
      const lint = runHelm(['lint', '--strict', dir]);
      expect(lint.status, lint.stdout + lint.stderr).toBe(0);
      expect(lint.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
      expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');

      const objects = template(dir, example);
      expect(objects.size).toBeGreaterThan(0);
    });

    it(`${example}: secrets left empty are generated once and used consistently within a render`, () => {
      const files = exampleBundle(example, 'helm');
      const dir = writeChart(files, example);
      // Empty every generated secret: with no cluster, lookup finds nothing, so helm generates them.
      const generated: Array<{ rule: string; length: number; path: string }> = [];
      for (const file of files.filter((f) => /^templates\/[^/]+\/secret\.yaml$/.test(f.path))) {
        for (const m of file.content.matchAll(/"generate" "(\w+)" "length" (\d+) "path" "([\w.]+)"/g))
          generated.push({ rule: m[1]!, length: Number(m[2]), path: m[3]! });
      }
      expect(generated.length).toBeGreaterThan(0);
      const args = generated.flatMap(({ path }) => ['--set-string', `${path}=`]);
      const first = template(dir, example, args);
      const second = template(dir, example, args);
      const shapes: Record<string, (length: number) => RegExp> = {
        password: (n) => new RegExp(`^[A-Za-z0-9]{${n}}$`),
        hex: (n) => new RegExp(`^[0-9a-f]{${n}}$`),
        uuid: () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        base64url: () => /^[A-Za-z0-9_-]{22}$/,
      };
      for (const { rule, length, path } of generated) {
        const [instance, input] = path.split('.') as [string, string];
        const name = `Secret/${example}-${instance}`;
        const value = Buffer.from(first.get(name)!.data[input], 'base64').toString('utf8');
        expect(value, path).toMatch(shapes[rule]!(length));
        // Different renders generate different values: it is random, not a constant.
        expect(Buffer.from(second.get(name)!.data[input], 'base64').toString('utf8'), path).not.toBe(value);
        const encoded = first.get(name)!.data[`${input}.urlencode`];
        if (encoded !== undefined) expect(Buffer.from(encoded, 'base64').toString('utf8'), path).toBe(encodeURIComponent(value));
      }
      // Every workload reads each secret key the renderer wired, and consumers see the same value as the owner.
      for (const key of first.keys()) if (/^(Deployment|StatefulSet)\//.test(key)) envOf(first, key);
      if (example === 'web-app') {
        const db = envOf(first, 'StatefulSet/web-app-db');
        const web = envOf(first, 'Deployment/web-app-web');
        const cache = Buffer.from(first.get('Secret/web-app-cache')!.data.password, 'base64').toString('utf8');
        expect(web.DATABASE_URL).toBe(`postgresql://shop:${encodeURIComponent(db.POSTGRES_PASSWORD!)}@web-app-db:5432/shop`);
        expect(web.REDIS_URL).toBe(`redis://:${encodeURIComponent(cache)}@web-app-cache:6379/0`);
      }
      if (example === 'wordpress') {
        const password = Buffer.from(first.get('Secret/wordpress-db')!.data.password, 'base64').toString('utf8');
        expect(envOf(first, 'Deployment/wordpress-wordpress').WORDPRESS_DB_PASSWORD).toBe(password);
      }
    });
  }
});

describe('release names with real helm', () => {
  it('the longest release name Helm allows still gives every instance its own valid name', () => {
    const files = exampleBundle('web-app', 'helm');
    const release = `r${'x'.repeat(52)}`;
    const objects = template(writeChart(files, 'long'), release);
    const names = [...objects.values()].map((o) => o.metadata.name as string);
    for (const instance of ['db', 'cache', 'web']) expect(names.filter((n) => n.endsWith(`-${instance}`))).toHaveLength(instance === 'web' ? 2 : 3);
    for (const o of objects.values()) {
      // StatefulSet pods add "-" and a controller hash of up to 10 characters to their name (a 63-character label).
      if (o.kind !== 'Service' || !o.metadata.name.endsWith('-hl')) expect(o.metadata.name.length, o.metadata.name).toBeLessThanOrEqual(52);
      expect(o.metadata.name).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
    }
  });

  it('helm install --dry-run=client renders NOTES.txt with the release and instance names', () => {
    const result = runHelm(['install', 'shop', writeChart(exampleBundle('web-app', 'helm'), 'notes'), '--dry-run=client', '--namespace', 'stores']);
    expect(result.status, result.stderr).toBe(0);
    const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
    expect(notes).toContain('shop is installed as release shop in namespace stores.');
    expect(notes).toContain('db (postgresql 16.15.0): shop-db:5432');
    expect(notes).toContain('web (web-app 1.0.1): shop-web:80');
    expect(notes).not.toMatch(/<no value>|\{\{/);
  });
});

describe('packaging and Kubernetes versions with real helm', () => {
  it('helm package leaves aisle.lock out (.helmignore), and the package renders like the folder', () => {
    const dir = writeChart(exampleBundle('database', 'helm'), 'package');
    const out = mkdtempSync(join(root, 'packaged-'));
    const packaged = runHelm(['package', dir, '--destination', out]);
    expect(packaged.status, packaged.stderr).toBe(0);
    const archive = join(out, 'database-0.1.0.tgz');
    const listing = spawnSync('tar', ['tzf', archive], { encoding: 'utf8' });
    expect(listing.stdout.split('\n')).toEqual(
      expect.arrayContaining(['database/Chart.yaml', 'database/values.schema.json', 'database/templates/db/statefulset.yaml']),
    );
    expect(listing.stdout).not.toContain('aisle.lock');
    expect(template(archive, 'database')).toEqual(template(dir, 'database'));
  });

  it('Chart.yaml kubeVersion refuses clusters older than 1.23 and accepts 1.23', () => {
    const dir = writeChart(exampleBundle('database', 'helm'), 'kube');
    const old = runHelm(['template', 'database', dir, '--kube-version', '1.22.0']);
    expect(old.status).not.toBe(0);
    expect(old.stderr).toContain('chart requires kubeVersion');
    expect(template(dir, 'database', ['--kube-version', '1.23.0']).size).toBeGreaterThan(0);
  });
});

describe('one chart of every shipped component passes real helm', () => {
  it('helm lint --strict passes and helm template renders valid objects', () => {
    const catalog = loadCatalog(shippedCatalogDir()).index;
    // The wiring test/bundles/kubernetes-helm-catalog.spec.ts uses.
    const spec = parseAppSpec(everyComponentSpec(catalog));
    expect(spec.diagnostics).toEqual([]);
    const composed = composeApp(spec.value!, catalog);
    expect(composed.diagnostics).toEqual([]);
    const files = renderHelm(composed.app!);
    const dir = writeChart(files, 'store');
    const lint = runHelm(['lint', '--strict', dir]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
    const objects = template(dir, 'store');
    for (const key of objects.keys()) if (/^(Deployment|StatefulSet)\//.test(key)) envOf(objects, key);
  });
});

describe('values given to real helm reach the rendered objects exactly', () => {
  it('--set INSTANCE.INPUT reaches the workloads and the wired URLs', () => {
    const dir = writeChart(exampleBundle('web-app', 'helm'), 'set');
    const objects = template(dir, 'shop', ['--set', 'db.database=orders2', '--set', 'db.username=clerk', '--set', 'cache.maxMemory=64mb']);
    const db = envOf(objects, 'StatefulSet/shop-db');
    expect(db).toMatchObject({ POSTGRES_DB: 'orders2', POSTGRES_USER: 'clerk' });
    expect(envOf(objects, 'Deployment/shop-web').DATABASE_URL).toBe(`postgresql://clerk:${encodeURIComponent(db.POSTGRES_PASSWORD!)}@shop-db:5432/orders2`);
    expect(envOf(objects, 'StatefulSet/shop-cache').REDIS_MAXMEMORY).toBe('64mb');

    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const pinned = template(dir, 'shop', ['--set', 'db.image.tag=16.11', '--set', `db.image.digest=${digest}`]);
    expect(pinned.get('StatefulSet/shop-db')!.spec.template.spec.containers[0].image).toBe(`docker.io/library/postgres:16.11@${digest}`);
    expect(pinned.get('StatefulSet/shop-cache')!.spec.template.spec.containers[0].image).toBe('docker.io/library/redis:8.10.1');
    // --set types a bare number: an integer tag is taken as written.
    expect(template(dir, 'shop', ['--set', 'cache.image.tag=8']).get('StatefulSet/shop-cache')!.spec.template.spec.containers[0].image).toBe(
      'docker.io/library/redis:8',
    );
  });

  const givenApp = (value: string) => {
    const app = fixtureApp({ dbPassword: value, greeting: value, dbDatabase: value });
    app.instances.find((i) => i.name === 'db')!.generatedInputs = [];
    return app;
  };
  const dir = () => writeChart(renderHelm(fixtureApp()), 'awkward');
  const expectExact = (objects: Map<string, Obj>, value: string) => {
    const url = `postgresql://app:${encodeURIComponent(value)}@rel-db:5432/${encodeURIComponent(value)}`;
    expect(envOf(objects, 'Deployment/rel-web')).toMatchObject({ GREETING: value, DATABASE_URL: url });
    expect(envOf(objects, 'StatefulSet/rel-db')).toMatchObject({ POSTGRES_DB: value, POSTGRES_PASSWORD: value });
  };
  for (const [label, value] of Object.entries(BAD_VALUES)) {
    it(`${label}: from the chart's own values.yaml, and from a values file, comes out exactly`, () => {
      expectExact(template(writeChart(renderHelm(givenApp(value)), label), 'rel'), value);

      const chart = dir();
      const valuesFile = join(chart, '..', `${label}-values.json`);
      // JSON is YAML; YAML 1.1 readers fold raw NEL, LS and PS as line breaks and refuse raw U+FFFE and U+FFFF, so those are escaped too.
      const json = JSON.stringify({ db: { database: value, password: value }, fixedText: { web: { env: { GREETING: [value] } } } });
      writeFileSync(
        valuesFile,
        json.replace(/[\u0085\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      );
      expectExact(template(chart, 'rel', ['-f', valuesFile]), value);
    });
  }

  it('a secret with no generator left empty stops helm with the flag to give, and renders nothing', () => {
    const result = runHelm(['template', 'rel', writeChart(renderHelm(givenApp('Zq3kP9wLx2vN8rT5')), 'required'), '--set-string', 'db.password=']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('db.password is required: set it with --set db.password=VALUE');
    expect(result.stdout).toBe('');
  });

  it('--set-string and --set-file carry $, {{, quotes, unicode and newlines exactly', () => {
    const chart = dir();
    const password = `it's "$HOME" {{ .Values }} ü 😀 $(X)`;
    const database = 'line one\nline two\n{{ fail "x" }}';
    const file = join(chart, '..', 'database.txt');
    writeFileSync(file, database);
    const objects = template(chart, 'rel', ['--set-string', `db.password=${password}`, '--set-file', `db.database=${file}`]);
    expect(envOf(objects, 'StatefulSet/rel-db')).toMatchObject({ POSTGRES_DB: database, POSTGRES_PASSWORD: password });
    expect(envOf(objects, 'Deployment/rel-web').DATABASE_URL).toBe(
      `postgresql://app:${encodeURIComponent(password)}@rel-db:5432/${encodeURIComponent(database)}`,
    );
  });
});

describe('real helm enforces values.schema.json', () => {
  const cases: Array<[string, string, string[]]> = [
    ['web-app', 'a string for an integer input', ['--set', 'web.port=eighty']],
    ['web-app', 'an empty image tag', ['--set-string', 'db.image.tag=']],
    ['web-app', 'a number for a string input (Helm types --set values; --set-string is the way)', ['--set', 'db.username=1234']],
    ['web-app', 'a value against the pattern', ['--set', 'db.database=1-bad-name']],
    ['web-app', 'an input the component does not have', ['--set', 'db.nonsense=x']],
    ['web-app', 'a moving image tag (the rewritten lookahead)', ['--set', 'web.image=docker.io/library/nginx:latest']],
    ['wordpress', 'the username the component forbids (the rewritten lookahead)', ['--set', 'db.username=root']],
    ['database', 'a password shorter than the component allows', ['--set', 'db.password=short']],
  ];
  for (const [example, label, args] of cases) {
    it(`${example}: helm template and helm lint refuse ${label}`, () => {
      const dir = writeChart(exampleBundle(example, 'helm'), example);
      const rendered = runHelm(['template', example, dir, ...args]);
      expect(rendered.status).not.toBe(0);
      expect(rendered.stderr).toMatch(/values don't meet the specifications of the schema/);
      expect(rendered.stdout).toBe('');
      const lint = runHelm(['lint', dir, ...args]);
      expect(lint.status).not.toBe(0);
      expect(lint.stdout).toMatch(/\[ERROR\]/);
    });
  }

  it('web-app: the rewritten lookahead still lets a pinned tag and a near miss through', () => {
    const dir = writeChart(exampleBundle('web-app', 'helm'), 'pinned');
    for (const image of ['docker.io/library/nginx:1.29.3', 'registry.local:5000/team/app:latest-1', 'ghcr.io/acme/app:v2@sha256:' + 'a'.repeat(64)]) {
      expect(template(dir, 'shop', ['--set', `web.image=${image}`]).get('Deployment/shop-web')!.spec.template.spec.containers[0].image).toBe(image);
    }
  });
});
