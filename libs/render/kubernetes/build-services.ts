import type { ResolvedInstance } from '../../composition/resolved-app.js';

export interface ServiceParts {
  name: unknown;
  headlessName: unknown;
  labels: unknown;
  selectorLabels: unknown;
}

export interface InstanceServices {
  /** The Service other instances reach this one by: its exposed ports. */
  service?: Record<string, unknown>;
  /** For a StatefulSet: the headless Service that gives its pod a stable DNS name. */
  headless?: Record<string, unknown>;
}

/** The Services of one instance; none when it neither exposes a port nor keeps state. */
export function buildServices(instance: ResolvedInstance, parts: ServiceParts): InstanceServices {
  const exposed = instance.ports.filter((p) => p.expose);
  const out: InstanceServices = {};
  if (exposed.length > 0) {
    out.service = service(parts.name, parts, {
      type: 'ClusterIP',
      ports: exposed.map((p) => ({ name: p.name, port: p.port, targetPort: p.name, protocol: p.protocol })),
    });
  }
  if (instance.stateful) {
    out.headless = service(parts.headlessName, parts, {
      clusterIP: 'None',
      // The pod gets its DNS name before it is ready, as a StatefulSet's peers expect.
      publishNotReadyAddresses: true,
      ports: instance.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name, protocol: p.protocol })),
    });
  }
  return out;
}

function service(name: unknown, parts: ServiceParts, spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: parts.labels },
    spec: { ...spec, selector: parts.selectorLabels },
  };
}
