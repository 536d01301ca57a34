import type { ResolvedInstance } from '../../composition/resolved-app.js';

/** A small pinned image with `nc`, used only to wait for the services an instance depends on. */
export const WAIT_IMAGE = 'docker.io/library/busybox:1.37.0';

export interface ServiceWait {
  /** The instance waited for: names the init container. */
  instance: string;
  /** The Service's host name (a DNS label), and the port to reach (or the template actions that print them). */
  host: string;
  port: string | number;
}

/** The port dependents wait on: the instance's first exposed one, and its index among its ports. */
export function waitPort(instance: ResolvedInstance): { index: number; port: number } | undefined {
  const index = instance.ports.findIndex((p) => p.expose);
  return index < 0 ? undefined : { index, port: instance.ports[index]!.port };
}

/**
 * Kubernetes has no depends_on: an init container per dependency blocks the pod until
 * the dependency's Service accepts TCP connections. The Service only routes to pods
 * that pass their readiness probe, so this waits for a healthy dependency. Host names
 * are DNS labels and ports integers, so the shell line needs no quoting.
 */
export function buildWaitContainers(waits: readonly ServiceWait[]): Array<Record<string, unknown>> {
  return waits.map((wait) => ({
    name: `wait-for-${wait.instance}`,
    image: WAIT_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', `until nc -z -w 2 ${wait.host} ${wait.port}; do echo waiting for ${wait.host}:${wait.port}; sleep 2; done`],
    resources: { limits: { cpu: '100m', memory: '32Mi' }, requests: { cpu: '10m', memory: '16Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsGroup: 65534,
      runAsNonRoot: true,
      runAsUser: 65534,
    },
  }));
}
