import type { ResolvedApp, ResolvedInstance } from '../../composition/resolved-app.js';
import { withLock } from '../lock/render-lock.js';
import type { BundleFile } from '../renderer.js';
import { buildKubernetesEnv, needsBase64 } from './build-kubernetes-env.js';
import { buildInstanceObjects } from './build-instance-objects.js';
import { waitPort, type ServiceWait } from './build-wait-containers.js';
import { literalField } from './runtime-field-writer.js';
import { componentAnnotations, instanceLabels, selectorLabels } from './kubernetes-labels.js';
import { toYaml } from '../to-yaml.js';

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** Suffix of the headless Service that governs a StatefulSet. */
export const HEADLESS_SUFFIX = '-headless';

/**
 * Renders an app as plain Kubernetes manifests, a folder per instance plus a
 * kustomization.yaml listing them (`kubectl apply -k DIR` deploys it) and aisle.lock.
 */
export function renderKubernetes(app: ResolvedApp): BundleFile[] {
  const ports = firstExposedPorts(app);
  const files: BundleFile[] = [];
  const resources: string[] = [];
  const add = (path: string, object: unknown, mode?: number) => {
    files.push(mode === undefined ? { path, content: toYaml(object) } : { path, content: toYaml(object), mode });
    resources.push(path);
  };
  for (const instance of app.instances) {
    const labels = instanceLabels(app, instance);
    const selector = selectorLabels(app, instance);
    const { env, command, args, secretData } = buildKubernetesEnv(instance);
    if (Object.keys(secretData).length > 0) {
      add(`${instance.name}/secret.yaml`, secret(instance, labels, secretData), 0o600);
    }
    const waits: ServiceWait[] = [];
    for (const dependency of instance.dependsOn) {
      const port = ports.get(dependency);
      // A dependency without a Service (a worker) cannot be waited for over the network.
      if (port !== undefined) waits.push({ instance: dependency, host: dependency, port });
    }
    const objects = buildInstanceObjects(instance, {
      name: instance.name,
      headlessName: `${instance.name}${HEADLESS_SUFFIX}`,
      labels,
      selectorLabels: selector,
      annotations: componentAnnotations(instance),
      image: instance.image,
      env,
      ...(command ? { command } : {}),
      ...(args ? { args } : {}),
      waits,
      field: literalField,
    });
    for (const { file, object } of objects) add(`${instance.name}/${file}`, object);
  }
  files.push({
    path: KUSTOMIZATION_FILE,
    content: toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources }),
  });
  const secretFiles = new Set(files.filter((f) => f.path.endsWith('/secret.yaml')).map((f) => f.path));
  return withLock(app, 'kubernetes', (instance, input) => (secretFiles.has(`${instance}/secret.yaml`) ? `${instance}/secret.yaml#${input}` : undefined), files);
}

function secret(instance: ResolvedInstance, labels: Record<string, string>, values: Record<string, string>) {
  const stringData: Record<string, string> = {};
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (needsBase64(value)) data[key] = Buffer.from(value, 'utf8').toString('base64');
    else stringData[key] = value;
  }
  const object: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: { name: instance.name, labels }, type: 'Opaque' };
  if (Object.keys(data).length > 0) object.data = data;
  if (Object.keys(stringData).length > 0) object.stringData = stringData;
  return object;
}

/** Each instance's first exposed port: where instances that depend on it wait. */
function firstExposedPorts(app: ResolvedApp): Map<string, number> {
  const ports = new Map<string, number>();
  for (const instance of app.instances) {
    const port = waitPort(instance);
    if (port) ports.set(instance.name, port.port);
  }
  return ports;
}
