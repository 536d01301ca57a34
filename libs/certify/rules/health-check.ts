import type { ManifestRule, RuleFinding } from '../lint-rule.js';

/**
 * A health check must exist (a command, an HTTP or a TCP probe), and any probe must
 * target a port the component declares, so orchestrators can tell when it is ready.
 */
export const healthCheck: ManifestRule = {
  name: 'health-check',
  description: 'a health check is declared, and its HTTP/TCP probe targets a declared port',
  check(manifest) {
    const health = manifest.spec?.runtime?.health;
    if (!health || (health.command === undefined && health.http === undefined && health.tcp === undefined)) {
      return [{ path: 'spec.runtime.health', message: 'declares no health check (command, http or tcp)' }];
    }
    const findings: RuleFinding[] = [];
    if (health.command !== undefined && health.command.trim() === '') findings.push({ path: 'spec.runtime.health.command', message: 'is empty' });
    const declared = new Set((manifest.spec.runtime.ports ?? []).map((p) => String(p.port).replace(/\s+/g, '')));
    const probe = (kind: 'http' | 'tcp', port: unknown) => {
      if (port !== undefined && !declared.has(String(port).replace(/\s+/g, ''))) {
        findings.push({ path: `spec.runtime.health.${kind}.port`, message: `probes port ${String(port)}, which is not among spec.runtime.ports` });
      }
    };
    probe('http', health.http?.port);
    probe('tcp', health.tcp?.port);
    return findings;
  },
};
