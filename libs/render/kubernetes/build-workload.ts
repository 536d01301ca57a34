import type { ResolvedInstance } from '../../composition/resolved-app.js';
import { buildProbes } from './build-probes.js';
import { containerSecurityContext, podSecurityContext } from './build-security-context.js';
import { buildWaitContainers, type ServiceWait } from './build-wait-containers.js';
import type { RuntimeFieldWriter } from './runtime-field-writer.js';

/**
 * What differs between the plain manifests and the Helm templates of one workload:
 * names, labels and values are literal in one and template expressions in the other.
 * Labels and names are `unknown` so Helm can pass placeholders for whole blocks.
 */
export interface WorkloadParts {
  name: unknown;
  labels: unknown;
  selectorLabels: unknown;
  annotations: unknown;
  image: unknown;
  env: Array<Record<string, unknown>>;
  command?: unknown[];
  args?: unknown[];
  waits: ServiceWait[];
  /** The headless Service a StatefulSet is governed by. */
  headlessName: unknown;
  /** Ports, probe paths and claim sizes: as resolved, or read from values. */
  field: RuntimeFieldWriter;
  /** A Deployment's replica count read from values (Helm); the resolved count otherwise. */
  replicas?: unknown;
}

/** A Deployment, or a StatefulSet with a claim per volume when the instance is stateful. */
export function buildWorkload(instance: ResolvedInstance, parts: WorkloadParts): Record<string, unknown> {
  const container: Record<string, unknown> = {
    name: instance.name,
    image: parts.image,
    imagePullPolicy: 'IfNotPresent',
  };
  if (parts.command) container.command = parts.command;
  if (parts.args) container.args = parts.args;
  if (parts.env.length > 0) container.env = parts.env;
  if (instance.ports.length > 0) {
    container.ports = instance.ports.map((p, n) => ({ name: p.name, containerPort: parts.field(`ports.${n}.port`, p.port), protocol: p.protocol }));
  }
  Object.assign(container, buildProbes(instance.health, parts.field));
  container.resources = {
    limits: { cpu: instance.resources.limits.cpu, memory: instance.resources.limits.memory },
    requests: { cpu: instance.resources.requests.cpu, memory: instance.resources.requests.memory },
  };
  container.securityContext = containerSecurityContext(instance.securityContext);
  const { mounts, podVolumes, claims } = volumes(instance, parts.field);
  if (mounts.length > 0) container.volumeMounts = mounts;

  const podSpec: Record<string, unknown> = {
    // Service links would add <NAME>_PORT=tcp://… variables, which some images misread as their own settings.
    enableServiceLinks: false,
    automountServiceAccountToken: false,
    securityContext: podSecurityContext(instance.securityContext),
  };
  if (instance.stopGracePeriodSeconds !== undefined) podSpec.terminationGracePeriodSeconds = instance.stopGracePeriodSeconds;
  const initContainers = buildWaitContainers(parts.waits);
  if (initContainers.length > 0) podSpec.initContainers = initContainers;
  podSpec.containers = [container];
  if (podVolumes.length > 0) podSpec.volumes = podVolumes;

  const template = { metadata: { labels: parts.labels }, spec: podSpec };
  const metadata = { name: parts.name, labels: parts.labels, annotations: parts.annotations };
  if (instance.stateful) {
    return {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata,
      spec: {
        serviceName: parts.headlessName,
        replicas: 1,
        selector: { matchLabels: parts.selectorLabels },
        template,
        volumeClaimTemplates: claims,
      },
    };
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: parts.replicas ?? instance.replicas ?? 1,
      selector: { matchLabels: parts.selectorLabels },
      template,
    },
  };
}

function volumes(instance: ResolvedInstance, field: RuntimeFieldWriter) {
  const mounts: Array<Record<string, unknown>> = [];
  const podVolumes: Array<Record<string, unknown>> = [];
  const claims: Array<Record<string, unknown>> = [];
  for (const [n, volume] of instance.volumes.entries()) {
    const size = field(`volumes.${n}.size`, volume.size);
    mounts.push({ name: volume.name, mountPath: volume.path });
    if (instance.stateful) {
      claims.push({
        metadata: { name: volume.name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
      });
    } else {
      // A volume on a stateless instance holds scratch data only: it lives as long as the pod.
      podVolumes.push({ name: volume.name, emptyDir: { sizeLimit: size } });
    }
  }
  instance.tmpfs.forEach((path, i) => {
    const name = `tmpfs-${i}`;
    mounts.push({ name, mountPath: path });
    podVolumes.push({ name, emptyDir: { medium: 'Memory' } });
  });
  return { mounts, podVolumes, claims };
}
