import { shownValue } from '../../diagnostics/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asList, asRecord } from '../shape-guards.js';

/**
 * A health check must exist (a command, an HTTP or a TCP probe), and any probe must
 * target a port the component declares, so orchestrators can tell when it is ready.
 */
export const healthCheck: ManifestRule = {
  name: 'health-check',
  description: 'a health check is declared, and its HTTP/TCP probe targets a declared port',
  check(manifest) {
    const runtime = asRecord(asRecord(manifest.spec)?.runtime);
    const health = asRecord(runtime?.health);
    if (!health || (health.command === undefined && health.http === undefined && health.tcp === undefined)) {
      return [{ path: 'spec.runtime.health', message: 'declares no health check (command, http or tcp)' }];
    }
    const findings: RuleFinding[] = [];
    if (typeof health.command === 'string' && health.command.trim() === '') findings.push({ path: 'spec.runtime.health.command', message: 'is empty' });
    const declared = new Set(asList(runtime?.ports).map((p) => shownValue(asRecord(p)?.port).replace(/\s+/g, '')));
    const probe = (kind: 'http' | 'tcp', port: unknown) => {
      if (port !== undefined && !declared.has(shownValue(port).replace(/\s+/g, ''))) {
        findings.push({ path: `spec.runtime.health.${kind}.port`, message: `probes port ${shownValue(port)}, which is not among spec.runtime.ports` });
      }
    };
    probe('http', asRecord(health.http)?.port);
    probe('tcp', asRecord(health.tcp)?.port);
    return findings;
  },
};
