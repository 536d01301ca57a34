import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderKubernetes } from './render-kubernetes.js';
import { readKubernetesSecrets } from './read-kubernetes-secrets.js';
import { fixtureApp } from './testdata/fixture-app.js';
import { kubectlKustomize } from '../../../test/bundles/kubectl-kustomize.js';
import { validateKubernetesObject } from './testdata/validate-kubernetes-object.js';

type Obj = Record<string, any>;
const objects = (files = renderKubernetes(fixtureApp())) =>
  new Map(files.filter((f) => f.path !== 'kustomization.yaml' && f.path !== 'aisle.lock').map((f) => [f.path, parse(f.content, { version: '1.1' }) as Obj]));

describe('renderKubernetes', () => {
  it('lays out a folder per instance and a kustomization listing every file, sorted and byte-stable', () => {
    const files = renderKubernetes(fixtureApp());
    expect(files.map((f) => f.path)).toEqual([
      'aisle.lock',
      'cache/secret.yaml',
      'cache/service-headless.yaml',
      'cache/service.yaml',
      'cache/statefulset.yaml',
      'db/secret.yaml',
      'db/service-headless.yaml',
      'db/service.yaml',
      'db/statefulset.yaml',
      'kustomization.yaml',
      'web/deployment.yaml',
      'web/secret.yaml',
      'web/service.yaml',
      'worker/deployment.yaml',
      'worker/secret.yaml',
    ]);
    expect(renderKubernetes(fixtureApp())).toEqual(files);
    const kustomization = parse(files.find((f) => f.path === 'kustomization.yaml')!.content);
    expect([...kustomization.resources].sort()).toEqual(files.map((f) => f.path).filter((p) => p.endsWith('.yaml') && p !== 'kustomization.yaml'));
    expect(files.filter((f) => f.path.endsWith('secret.yaml')).every((f) => f.mode === 0o600)).toBe(true);
  });

  it('gives objects that the official Kubernetes schemas accept', () => {
    for (const [path, object] of objects()) {
      expect(() => validateKubernetesObject(object), path).not.toThrow();
    }
  });

  it('is built by the real kubectl kustomize', () => {
    const built = kubectlKustomize(renderKubernetes(fixtureApp()));
    expect(built.map((o) => `${o.kind}/${(o.metadata as Obj).name}`).sort()).toEqual([
      'Deployment/web',
      'Deployment/worker',
      'Secret/cache',
      'Secret/db',
      'Secret/web',
      'Secret/worker',
      'Service/cache',
      'Service/cache-headless',
      'Service/db',
      'Service/db-headless',
      'Service/web',
      'StatefulSet/cache',
      'StatefulSet/db',
    ]);
  });

  it('runs stateful instances as StatefulSets with a claim per volume and a headless Service', () => {
    const db = objects().get('db/statefulset.yaml')!;
    expect(db.spec.serviceName).toBe('db-headless');
    expect(db.spec.volumeClaimTemplates).toEqual([
      { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    ]);
    expect(db.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/postgresql/data' }]);
    expect(objects().get('db/service-headless.yaml')!.spec.clusterIP).toBe('None');
  });

  it('reads secret env through secretKeyRef and never writes a secret outside the Secret', () => {
    const app = fixtureApp();
    const all = objects(renderKubernetes(app));
    const web = all.get('web/deployment.yaml')!.spec.template.spec.containers[0];
    expect(web.env.find((e: Obj) => e.name === 'DATABASE_URL')).toEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'web', key: 'env.DATABASE_URL' } },
    });
    expect(web.env.find((e: Obj) => e.name === 'GREETING')).toEqual({ name: 'GREETING', value: 'hello' });
    const db = all.get('db/statefulset.yaml')!.spec.template.spec.containers[0];
    expect(db.env.find((e: Obj) => e.name === 'POSTGRES_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'db', key: 'password' });
    expect(all.get('db/secret.yaml')!.stringData).toEqual({ password: 'Zq3kP9wLx2vN8rT5yB7mC4hJ' });
    expect(all.get('web/secret.yaml')!.stringData['env.DATABASE_URL']).toBe(app.instances[2]!.env[0]!.value);
    // A secret argument becomes a variable the kubelet substitutes, read from the Secret.
    const cache = all.get('cache/statefulset.yaml')!.spec.template.spec.containers[0];
    expect(cache.args).toEqual(['--requirepass=', '$(AISLE_ARGS_1)']);
    expect(cache.env.find((e: Obj) => e.name === 'AISLE_ARGS_1').valueFrom.secretKeyRef).toEqual({ name: 'cache', key: 'args.1' });
    for (const file of renderKubernetes(app).filter((f) => !f.path.endsWith('secret.yaml'))) {
      expect(file.content, file.path).not.toContain('Zq3kP9wLx2vN8rT5yB7mC4hJ');
      expect(file.content, file.path).not.toContain('rT5yB7mC4hJZq3kP9wLx2vN8');
    }
  });

  it('prefers HTTP and TCP probes, turns a start period into a startup probe, and shells out otherwise', () => {
    const all = objects();
    const web = all.get('web/deployment.yaml')!.spec.template.spec.containers[0];
    expect(web.readinessProbe).toEqual({ httpGet: { path: '/', port: 80 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
    expect(web.startupProbe).toBeUndefined();
    const db = all.get('db/statefulset.yaml')!.spec.template.spec.containers[0];
    expect(db.livenessProbe.exec.command).toEqual(['/bin/sh', '-c', 'pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB" -h 127.0.0.1']);
    expect(db.startupProbe.failureThreshold).toBe(6);
    expect(all.get('worker/deployment.yaml')!.spec.template.spec.containers[0].readinessProbe.tcpSocket).toEqual({ port: 8080 });
  });

  it('drops every capability for non-root images and keeps only what a root entrypoint needs otherwise', () => {
    const all = objects();
    const db = all.get('db/statefulset.yaml')!.spec.template.spec;
    expect(db.securityContext).toMatchObject({ runAsUser: 999, runAsGroup: 999, fsGroup: 999, runAsNonRoot: true });
    expect(db.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    const web = all.get('web/deployment.yaml')!.spec.template.spec;
    expect(web.securityContext.runAsNonRoot).toBeUndefined();
    expect(web.containers[0].securityContext.capabilities.add).toContain('SETUID');
    expect(web.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(web.volumes).toEqual([
      { name: 'tmpfs-0', emptyDir: { medium: 'Memory' } },
      { name: 'tmpfs-1', emptyDir: { medium: 'Memory' } },
    ]);
  });

  it('waits for each dependency Service in an init container, and skips those without one', () => {
    const all = objects();
    const web = all.get('web/deployment.yaml')!.spec.template.spec;
    expect(web.initContainers.map((c: Obj) => c.name)).toEqual(['wait-for-cache', 'wait-for-db']);
    expect(web.initContainers[1].command[2]).toContain('nc -z -w 2 db 5432');
    const worker = all.get('worker/deployment.yaml')!.spec.template.spec;
    expect(worker.initContainers.map((c: Obj) => c.name)).toEqual(['wait-for-cache', 'wait-for-web']);
  });

  it('labels every object and selects pods on stable labels only', () => {
    for (const [path, object] of objects()) {
      expect(object.metadata.labels['app.kubernetes.io/managed-by'], path).toBe('aisle');
      expect(object.metadata.labels['app.kubernetes.io/part-of'], path).toBe('shop');
    }
    const db = objects().get('db/statefulset.yaml')!;
    expect(db.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/instance': 'db', 'app.kubernetes.io/part-of': 'shop' });
    expect(db.metadata.labels['app.kubernetes.io/version']).toBe('1.2.3');
  });

  it('gives a stateless instance with a volume a scratch emptyDir of that size', () => {
    const app = fixtureApp();
    app.instances[3]!.volumes = [{ name: 'scratch', path: '/scratch', size: '2Gi' }];
    const worker = objects(renderKubernetes(app)).get('worker/deployment.yaml')!;
    validateKubernetesObject(worker);
    expect(worker.spec.template.spec.volumes).toEqual([{ name: 'scratch', emptyDir: { sizeLimit: '2Gi' } }]);
  });

  it('reads the generated secrets back from the bundle', () => {
    const files = new Map(renderKubernetes(fixtureApp()).map((f) => [f.path, f.content]));
    expect(readKubernetesSecrets(files)).toEqual({ cache: { password: 'rT5yB7mC4hJZq3kP9wLx2vN8' }, db: { password: 'Zq3kP9wLx2vN8rT5yB7mC4hJ' } });
    expect(readKubernetesSecrets(new Map([['db/secret.yaml', ': not yaml : [']]))).toEqual({});
  });
});
