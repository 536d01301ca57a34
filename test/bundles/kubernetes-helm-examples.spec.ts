import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { helmTemplate } from './helm-run.js';
import { kubectlKustomize } from './kubectl-kustomize.js';
import { validateKubernetesObject } from '../../libs/render/kubernetes/testdata/validate-kubernetes-object.js';
import { exampleBundle, exampleNames } from './example-bundles.js';

type Obj = Record<string, any>;

describe('every example Kubernetes bundle passes the real validators', () => {
  for (const example of exampleNames()) {
    it(`${example}: every object passes the official Kubernetes schemas, and kubectl kustomize builds the folder`, () => {
      const files = exampleBundle(example, 'kubernetes');
      const objects = files.filter((f) => f.path.endsWith('.yaml') && f.path !== 'kustomization.yaml').map((f) => parse(f.content, { version: '1.1' }) as Obj);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) validateKubernetesObject(object);
      const built = kubectlKustomize(files);
      expect(built.map((o: Obj) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort());
    });
  }
});

describe('every example Helm chart renders to valid objects and validates its values', () => {
  for (const example of exampleNames()) {
    it(`${example}: templates render (real helm template) to objects the Kubernetes schemas and kubectl kustomize accept`, () => {
      const files = exampleBundle(example, 'helm');
      const rendered = helmTemplate(files, { release: example }).files;
      for (const { path, content: text } of rendered) {
        for (const doc of parseAllDocuments(text, { version: '1.1' })) {
          expect(doc.errors, path).toEqual([]);
          expect(() => validateKubernetesObject(doc.toJS() as Obj), path).not.toThrow();
        }
      }
      const kustomization = { path: 'kustomization.yaml', content: `resources:\n${rendered.map((f) => `- ${f.path}`).join('\n')}\n` };
      expect(kubectlKustomize([...rendered, kustomization])).toHaveLength(rendered.length);
    });

    it(`${example}: values.schema.json compiles and accepts values.yaml`, () => {
      const files = exampleBundle(example, 'helm');
      const ajv = new Ajv({ strict: true, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(files.find((f) => f.path === 'values.schema.json')!.content));
      expect(validate(parse(files.find((f) => f.path === 'values.yaml')!.content)), JSON.stringify(validate.errors)).toBe(true);
    });
  }
});
