import { error, type Diagnostic } from '../diagnostics/index.js';
import type { ResolvedInstance } from './resolved-app.js';

/**
 * One host port (per protocol) can be published once: Compose would fail at `up` with
 * "port is already allocated". Reports every claim after the first, by instance name
 * then port order, at the claim's path (`web.publish.http`).
 */
export function checkHostPorts(instances: readonly ResolvedInstance[]): Diagnostic[] {
  const first = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const instance of [...instances].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const port of instance.ports) {
      const hostPort = instance.publish[port.name];
      if (hostPort === undefined) continue;
      const key = `${hostPort}/${port.protocol}`;
      const path = `${instance.name}.publish.${port.name}`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, path);
      else diagnostics.push(error('PORT_CONFLICT', path, `host port ${key} is already published by ${earlier}`));
    }
  }
  return diagnostics;
}
