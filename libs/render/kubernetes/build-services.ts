import type { ResolvedInstance } from '../../composition/resolved-app.js';
import type { RuntimeFieldWriter } from './runtime-field-writer.js';

export interface ServiceParts {
  name: unknown;
  headlessName: unknown;
  labels: unknown;
  selectorLabels: unknown;
  field: RuntimeFieldWriter;
}

export interface InstanceServices {
  /** The Service other instances reach this one by: its exposed ports. */
  service?: Record<string, unknown>;
  /** For a StatefulSet: the headless Service that gives its pod a stable DNS name. */
  headless?: Record<string, unknown>;
}

/** The Services of one instance; none when it neither exposes a port nor keeps state. */
export function buildServices(instance: ResolvedInstance, parts: ServiceParts): InstanceServices {
  const ports = (exposedOnly: boolean) =>
    instance.ports.flatMap((p, n) =>
      exposedOnly && !p.expose ? [] : [{ name: p.name, port: parts.field(`ports.${n}.port`, p.port), targetPort: p.name, protocol: p.protocol }],
    );
  const out: InstanceServices = {};
  if (instance.ports.some((p) => p.expose)) out.service = service(parts.name, parts, { type: 'ClusterIP', ports: ports(true) });
  if (instance.stateful) {
    out.headless = service(parts.headlessName, parts, {
      clusterIP: 'None',
      // The pod gets its DNS name before it is ready, as a StatefulSet's peers expect.
      publishNotReadyAddresses: true,
      ports: ports(false),
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
