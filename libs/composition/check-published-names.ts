import type { ComponentVersion } from '../catalog/index.js';
import { error, type Diagnostic } from '../diagnostics/index.js';
import type { InstanceSpec } from '../manifest/index.js';

/**
 * An instance's `publish` names ports its component declares. Port names are fixed by the
 * manifest, so this is told even when the instance's inputs are wrong and its runtime is
 * not evaluated.
 */
export function checkPublishedNames(name: string, version: ComponentVersion, spec: InstanceSpec): Diagnostic[] {
  const ports = version.manifest.spec.runtime.ports.map((p) => p.name);
  return Object.keys(spec.publish ?? {})
    .filter((portName) => !ports.includes(portName))
    .map((portName) => error('PORT_UNKNOWN', `${name}.publish.${portName}`, `${version.name} has no port named "${portName}"; its ports: ${ports.join(', ')}`));
}
