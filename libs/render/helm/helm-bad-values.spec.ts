import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BAD_VALUES } from '../kubernetes/testdata/bad-values.js';
import { expandLikeKubelet } from '../kubernetes/testdata/expand-like-kubelet.js';
import { fixtureApp } from '../kubernetes/testdata/fixture-app.js';
import { kubectlKustomize } from '../../../test/bundles/kubectl-kustomize.js';
import { validateKubernetesObject } from '../kubernetes/testdata/validate-kubernetes-object.js';
import { renderHelm } from './render-helm.js';
import { helmTemplateMany, type HelmRender } from '../../../test/bundles/helm-run.js';

type Obj = Record<string, any>;

function envOf(objects: Map<string, Obj>, workload: string): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const variable of objects.get(workload)!.spec.template.spec.containers[0].env) {
    if (variable.value !== undefined) seen[variable.name] = expandLikeKubelet(variable.value, seen);
    else {
      const ref = variable.valueFrom.secretKeyRef;
      seen[variable.name] = Buffer.from(objects.get(`Secret/${ref.name}`)!.data[ref.key], 'base64').toString('utf8');
    }
  }
  return seen;
}

describe('renderHelm with awkward values', () => {
  const templatesOf = (files: ReturnType<typeof renderHelm>) => files.filter((f) => f.path.startsWith('templates/'));
  const givenApp = (value: string) => {
    const app = fixtureApp({ dbPassword: value, greeting: value, dbDatabase: value });
    app.instances.find((i) => i.name === 'db')!.generatedInputs = [];
    return app;
  };
  const plain = templatesOf(renderHelm(givenApp('plain')));
  // Every case's chart in one helm run, made when the first case asks.
  let renders: Map<string, HelmRender> | undefined;
  const rendered = (label: string) => {
    renders ??= new Map(
      helmTemplateMany(Object.values(BAD_VALUES).map((v) => ({ files: renderHelm(givenApp(v)) }))).map((r, i) => [Object.keys(BAD_VALUES)[i]!, r]),
    );
    return renders.get(label)!;
  };

  for (const [label, value] of Object.entries(BAD_VALUES)) {
    it(`keeps ${label} in values.yaml exactly, out of templates, and renders it exactly`, () => {
      const files = renderHelm(givenApp(value));
      // Templates never carry user values: they are the same whatever the values are.
      expect(templatesOf(files)).toEqual(plain);
      const values = parse(files.find((f) => f.path === 'values.yaml')!.content, { version: '1.1' });
      expect(values.db.database).toBe(value);
      expect(values.db.password).toBe(value);
      expect(values.fixedText.web.env.GREETING).toEqual([value]);

      const output = rendered(label).files;
      const objects = new Map<string, Obj>();
      for (const { path, content: text } of output) {
        for (const doc of parseAllDocuments(text, { version: '1.1' })) {
          expect(doc.errors, path).toEqual([]);
          const object = doc.toJS() as Obj;
          validateKubernetesObject(object);
          objects.set(`${object.kind}/${object.metadata.name}`, object);
        }
      }
      const url = `postgresql://app:${encodeURIComponent(value)}@rel-db:5432/${encodeURIComponent(value)}`;
      expect(envOf(objects, 'Deployment/rel-web')).toMatchObject({ GREETING: value, DATABASE_URL: url });
      expect(envOf(objects, 'StatefulSet/rel-db')).toMatchObject({ POSTGRES_DB: value, POSTGRES_PASSWORD: value });

      // kustomize stops on U+FFFE and U+FFFF in a plain value (the Kubernetes renderer moves them to a Secret); `helm install` does not run it.
      if (/[\ufffe\uffff]/.test(value)) return;
      // And as kubectl's own YAML reader sees the rendered manifests.
      const kustomization = { path: 'kustomization.yaml', content: `resources:\n${output.map((f) => `- ${f.path}`).join('\n')}\n` };
      const built = new Map(kubectlKustomize([...output, kustomization]).map((o: Obj) => [`${o.kind}/${o.metadata.name}`, o]));
      if (!/[\u0085\u2028\u2029]/.test(value)) {
        // kustomize re-emits NEL/LS/PS as line breaks (see the Kubernetes renderer); `helm install` does not run kustomize.
        expect(envOf(built, 'Deployment/rel-web')).toMatchObject({ GREETING: value, DATABASE_URL: url });
      }
      expect(envOf(built, 'StatefulSet/rel-db').POSTGRES_PASSWORD).toBe(value);
    });
  }
});
