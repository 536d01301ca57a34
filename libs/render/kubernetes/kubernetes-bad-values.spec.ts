import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderKubernetes } from './render-kubernetes.js';
import { BAD_VALUES } from './testdata/bad-values.js';
import { expandLikeKubelet } from './testdata/expand-like-kubelet.js';
import { fixtureApp } from './testdata/fixture-app.js';
import { kubectlKustomize } from '../../../test/bundles/kubectl-kustomize.js';
import { validateKubernetesObject } from './testdata/validate-kubernetes-object.js';

type Obj = Record<string, any>;
const envOf = (workload: Obj, name: string) => workload.spec.template.spec.containers[0].env.find((e: Obj) => e.name === name);
const secretValue = (secret: Obj, key: string): string | undefined =>
  secret.stringData?.[key] ?? (secret.data?.[key] === undefined ? undefined : Buffer.from(secret.data[key], 'base64').toString('utf8'));

/** The value a container gets for a variable: expanded like the kubelet, or read from the Secret it names. */
function containerSees(workload: Obj, name: string, secretNamed: (name: string) => Obj): string | undefined {
  const variable = envOf(workload, name);
  if (variable.value !== undefined) return expandLikeKubelet(variable.value, { HOME: '/root' });
  const ref = variable.valueFrom.secretKeyRef;
  return secretValue(secretNamed(ref.name), ref.key);
}

describe('renderKubernetes with awkward values', () => {
  for (const [label, value] of Object.entries(BAD_VALUES)) {
    it(`carries ${label} exactly, as our parser and kubectl's read it`, () => {
      const app = fixtureApp({ dbPassword: value, greeting: value, dbDatabase: value });
      const files = renderKubernetes(app);
      const read = new Map(files.map((f) => [f.path, parse(f.content, { version: '1.1' }) as Obj]));
      for (const [path, object] of read) if (path !== 'kustomization.yaml' && path !== 'aisle.lock') validateKubernetesObject(object);

      const db = read.get('db/secret.yaml')!;
      expect(secretValue(db, 'password')).toBe(value);
      const url = app.instances.find((i) => i.name === 'web')!.env.find((e) => e.name === 'DATABASE_URL')!.value;
      expect(secretValue(read.get('web/secret.yaml')!, 'env.DATABASE_URL')).toBe(url);
      // Plain env values go through the kubelet's $(VAR) expansion: what the container sees must be the value.
      const fromFiles = (name: string) => read.get(`${name}/secret.yaml`)!;
      expect(containerSees(read.get('web/deployment.yaml')!, 'GREETING', fromFiles)).toBe(value);
      expect(containerSees(read.get('db/statefulset.yaml')!, 'POSTGRES_DB', fromFiles)).toBe(value);

      const built = new Map(kubectlKustomize(files).map((o: Obj) => [`${o.kind}/${o.metadata.name}`, o]));
      expect(secretValue(built.get('Secret/db')!, 'password')).toBe(value);
      const fromBuild = (name: string) => built.get(`Secret/${name}`)!;
      expect(containerSees(built.get('Deployment/web')!, 'GREETING', fromBuild)).toBe(value);
      expect(containerSees(built.get('StatefulSet/db')!, 'POSTGRES_DB', fromBuild)).toBe(value);
    });
  }

  it('escapes $( in commands and args, which the kubelet expands too', () => {
    const app = fixtureApp();
    const cache = app.instances.find((i) => i.name === 'cache')!;
    cache.command = [{ value: 'echo $(HOME) $$ $', secret: false, parts: [{ kind: 'text', text: 'echo $(HOME) $$ $' }] }];
    const statefulset = parse(renderKubernetes(app).find((f) => f.path === 'cache/statefulset.yaml')!.content) as Obj;
    const command = statefulset.spec.template.spec.containers[0].command;
    expect(command).toEqual(['echo $$(HOME) $$$ $']);
    expect(expandLikeKubelet(command[0], { HOME: '/root' })).toBe('echo $(HOME) $$ $');
  });
});
