import type { ComponentVersion } from '../catalog/index.js';
import { error, type Diagnostic } from '../diagnostics/index.js';
import type { InstanceSpec } from '../manifest/index.js';

/**
 * `replicas` above one asks for copies that share nothing but the network. A component
 * that keeps data on volumes cannot be copied so (each copy would need its own data and a
 * way to agree on it), and a fixed host port is one socket on the host, which only one
 * copy can hold (Compose fails at `up` with "port is already allocated"). Both depend
 * only on the manifest, so they are told even when the instance's inputs are wrong.
 */
export function checkReplicas(name: string, version: ComponentVersion, spec: InstanceSpec): Diagnostic[] {
  const replicas = spec.replicas ?? 1;
  if (replicas <= 1) return [];
  const volumes = (version.manifest.spec.runtime.volumes ?? []).map((v) => v.name);
  if (volumes.length > 0) {
    const held = volumes.length === 1 ? `a volume (${volumes[0]})` : `volumes (${volumes.join(', ')})`;
    return [
      error(
        'REPLICAS_STATEFUL',
        `${name}.replicas`,
        `${version.name} keeps its data on ${held}, so only one copy of it can run: remove replicas or set it to 1`,
      ),
    ];
  }
  return Object.keys(spec.publish ?? {}).map((port) =>
    error(
      'PORT_CONFLICT',
      `${name}.publish.${port}`,
      `a host port can be published by one container only, and ${name} runs ${replicas} replicas: remove publish (other instances reach every replica by the name ${name}) or set replicas to 1`,
    ),
  );
}
