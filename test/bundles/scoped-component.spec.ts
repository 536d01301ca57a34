import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CatalogIndex, loadCatalog, shippedCatalogDir } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import { manifestDigest, parseAppSpec, type ComponentManifest } from '../../libs/manifest/index.js';
import { RENDERERS, TARGETS, type BundleFile } from '../../libs/render/index.js';
import { validateKubernetesObject } from '../../libs/render/kubernetes/testdata/validate-kubernetes-object.js';
import { helmBinary } from './helm-binary.js';
import { kubectlKustomize } from './kubectl-kustomize.js';

type Obj = Record<string, any>;

// What Kubernetes accepts as a label value: 63 characters at most, alphanumerics at both ends.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The shipped catalog plus copies of postgresql and redis under an organization's scope, as a service holds them. */
function catalogWithScope(): CatalogIndex {
  const shipped = loadCatalog(shippedCatalogDir()).index;
  const index = new CatalogIndex();
  for (const name of ['postgresql', 'redis']) {
    const v = shipped.latest(name)!;
    const manifest = structuredClone(v.manifest) as ComponentManifest;
    manifest.metadata.name = `acme/${name}`;
    index.add({ ...v, name: manifest.metadata.name, manifest, digest: manifestDigest(manifest), source: 'service' });
    index.add(v);
  }
  return index;
}

const spec = (db: string, cache: string) =>
  `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: ${db}, inputs: { database: shop } }\n  cache: { component: ${cache} }\n`;

function render(target: (typeof TARGETS)[number], text: string): BundleFile[] {
  const parsed = parseAppSpec(text);
  expect(parsed.diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([]);
  const composed = composeApp(parsed.value!, catalogWithScope());
  expect(composed.diagnostics).toEqual([]);
  return RENDERERS[target](composed.app!);
}

function labelsOf(objects: Obj[]): string[] {
  return objects.flatMap((o) => [...Object.values(o.metadata?.labels ?? {}), ...Object.values(o.spec?.template?.metadata?.labels ?? {})] as string[]);
}

describe('a component named in an organization’s scope (acme/postgresql) in every bundle', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'aisle-scoped-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(TARGETS)('%s: the same file paths as the global component, and the scoped name only in values', (target) => {
    const scoped = render(target, spec('acme/postgresql', 'acme/redis'));
    const global = render(target, spec('postgresql', 'redis'));
    expect(scoped.map((f) => f.path)).toEqual(global.map((f) => f.path));
    for (const f of scoped) expect(f.path.split('/')).not.toContain('acme');
    const lock = parse(scoped.find((f) => f.path === 'aisle.lock')!.content);
    expect(lock.instances.db.component).toBe('acme/postgresql');
  });

  it('kubernetes: valid objects and label values, and kubectl kustomize builds the folder', () => {
    const files = render('kubernetes', spec('acme/postgresql', 'acme/redis'));
    const objects = files.filter((f) => f.path.endsWith('.yaml') && f.path !== 'kustomization.yaml').map((f) => parse(f.content, { version: '1.1' }) as Obj);
    for (const object of objects) validateKubernetesObject(object);
    for (const value of labelsOf(objects)) expect(value).toMatch(LABEL_VALUE);
    expect(labelsOf(objects)).toContain('acme_postgresql');
    expect(kubectlKustomize(files)).toHaveLength(objects.length);
  });

  it('helm: real helm template renders valid objects whose label values Kubernetes accepts', () => {
    const files = render('helm', spec('acme/postgresql', 'acme/redis'));
    const dir = join(root, 'chart');
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const home = join(root, 'home');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: home,
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_DATA_HOME: join(home, 'data'),
      KUBECONFIG: join(home, 'none'),
    };
    const result = spawnSync(helmBinary(), ['template', 'r1', dir], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    expect(result.status, result.stderr).toBe(0);
    const objects = parseAllDocuments(result.stdout, { version: '1.1' })
      .map((d) => d.toJS() as Obj | null)
      .filter((o): o is Obj => o !== null);
    expect(objects.map((o) => o.kind)).toContain('Secret');
    for (const object of objects) validateKubernetesObject(object);
    for (const value of labelsOf(objects)) expect(value).toMatch(LABEL_VALUE);
  });
});
