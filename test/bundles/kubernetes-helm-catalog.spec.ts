import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, shippedCatalogDir } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import type { ResolvedApp } from '../../libs/composition/resolved-app.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import { RENDERERS, SECRET_READERS, filesByPath } from '../../libs/render/index.js';
import { helmTemplate } from './helm-run.js';
import { expandLikeKubelet } from '../../libs/render/kubernetes/testdata/expand-like-kubelet.js';
import { kubectlKustomize } from './kubectl-kustomize.js';
import { everyComponentSpec } from './catalog-wiring.js';
import { validateKubernetesObject } from '../../libs/render/kubernetes/testdata/validate-kubernetes-object.js';

type Obj = Record<string, any>;

function envOf(objects: Map<string, Obj>, workload: string): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const variable of objects.get(workload)!.spec.template.spec.containers[0].env ?? []) {
    if (variable.value !== undefined) seen[variable.name] = expandLikeKubelet(variable.value, seen);
    else {
      const ref = variable.valueFrom.secretKeyRef;
      const secret = objects.get(`Secret/${ref.name}`)!;
      seen[variable.name] = secret.stringData?.[ref.key] ?? Buffer.from(secret.data[ref.key], 'base64').toString('utf8');
    }
  }
  return seen;
}

describe('Kubernetes and Helm bundles of every shipped component', () => {
  let app: ResolvedApp;
  beforeAll(() => {
    const catalog = loadCatalog(shippedCatalogDir()).index;
    const spec = parseAppSpec(everyComponentSpec(catalog));
    expect(spec.diagnostics).toEqual([]);
    const composed = composeApp(spec.value!, catalog);
    expect(composed.diagnostics).toEqual([]);
    app = composed.app!;
  });

  it('kubernetes: every object passes the official schemas and kubectl kustomize builds the folder', () => {
    const files = RENDERERS.kubernetes(app);
    const objects = files.filter((f) => f.path.endsWith('.yaml') && f.path !== 'kustomization.yaml').map((f) => parse(f.content, { version: '1.1' }) as Obj);
    for (const object of objects) validateKubernetesObject(object);
    const built = kubectlKustomize(files);
    expect(built).toHaveLength(objects.length);
    const byName = new Map(built.map((o: Obj) => [`${o.kind}/${o.metadata.name}`, o]));
    const db = app.instances.find((i) => i.name === 'postgresql')!;
    expect(envOf(byName, 'Deployment/web-app').DATABASE_URL).toBe(db.outputs.url!.value);
    expect(envOf(byName, 'Deployment/keycloak').KC_DB_PASSWORD).toBe(db.inputs.password);
  });

  for (const target of ['kubernetes', 'helm'] as const) {
    it(`${target}: composing again with the secrets read back gives byte-identical files`, () => {
      const files = RENDERERS[target](app);
      const catalog = loadCatalog(shippedCatalogDir()).index;
      const again = composeApp(parseAppSpec(everyComponentSpec(catalog)).value!, catalog, { previousSecrets: SECRET_READERS[target](filesByPath(files)) });
      expect(RENDERERS[target](again.app!)).toEqual(files);
    });
  }

  it('helm: values.yaml holds the inputs, the chart renders (real helm template) to valid objects, and generated secrets agree everywhere', () => {
    const files = RENDERERS.helm(app);
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content);
    expect(values.postgresql).toMatchObject({ database: 'shop', password: '' });
    expect(values['web-app'].image).toBe('ghcr.io/acme/shop:1.4.2');
    expect(values.keycloak.dbPassword).toBeUndefined();
    const rendered = helmTemplate(files, { release: 'r1' }).files;
    const objects = new Map<string, Obj>();
    for (const { path, content: text } of rendered) {
      for (const doc of parseAllDocuments(text, { version: '1.1' })) {
        expect(doc.errors, path).toEqual([]);
        const object = doc.toJS() as Obj;
        expect(() => validateKubernetesObject(object), path).not.toThrow();
        objects.set(`${object.kind}/${object.metadata.name}`, object);
      }
    }
    const password = envOf(objects, 'StatefulSet/r1-postgresql').POSTGRES_PASSWORD!;
    expect(password).toMatch(/^[A-Za-z0-9]{24,}$/);
    expect(envOf(objects, 'Deployment/r1-keycloak')).toMatchObject({ KC_DB_PASSWORD: password, KC_DB_URL_HOST: 'r1-postgresql', KC_DB_URL_DATABASE: 'shop' });
    expect(envOf(objects, 'Deployment/r1-web-app').DATABASE_URL).toBe(`postgresql://app:${password}@r1-postgresql:5432/shop`);
    expect(objects.get('Deployment/r1-web-app')!.spec.template.spec.containers[0].image).toBe('ghcr.io/acme/shop:1.4.2');
    const kustomization = { path: 'kustomization.yaml', content: `resources:\n${rendered.map((f) => `- ${f.path}`).join('\n')}\n` };
    expect(kubectlKustomize([...rendered, kustomization])).toHaveLength(objects.size);
  });

  it("helm: values.schema.json carries each component's rules and lets generated secrets be empty", () => {
    const files = RENDERERS.helm(app);
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(files.find((f) => f.path === 'values.schema.json')!.content));
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content);
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...values, postgresql: { ...values.postgresql, database: 'no spaces allowed' } })).toBe(false);
    expect(validate({ ...values, postgresql: { ...values.postgresql, password: 'short' } })).toBe(false);
    expect(validate({ ...values, postgresql: { ...values.postgresql, password: 'long-enough-password' } })).toBe(true);
  });
});
