import type { ResolvedHealthCheck } from '../../composition/resolved-app.js';
import { escapeExpansion } from './escape-expansion.js';
import type { RuntimeFieldWriter } from './runtime-field-writer.js';

export interface Probes {
  readinessProbe: Record<string, unknown>;
  livenessProbe: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
}

/**
 * Readiness, liveness and startup probes from a health check. An HTTP or TCP check is
 * preferred when the manifest gives one (the kubelet runs it without a shell in the
 * image); otherwise the command runs through `/bin/sh -c`. The start period becomes a
 * startup probe that allows that long plus the usual retries before liveness takes over.
 */
export function buildProbes(health: ResolvedHealthCheck, field: RuntimeFieldWriter): Probes {
  const handler = probeHandler(health, field);
  const periodSeconds = Math.max(1, Math.round(health.intervalSeconds));
  const timeoutSeconds = Math.max(1, Math.round(health.timeoutSeconds));
  const failureThreshold = Math.max(1, health.retries);
  const probe = { ...handler, periodSeconds, timeoutSeconds, failureThreshold };
  const probes: Probes = { readinessProbe: { ...probe }, livenessProbe: { ...probe } };
  if (health.startPeriodSeconds > 0) {
    probes.startupProbe = {
      ...handler,
      periodSeconds,
      timeoutSeconds,
      failureThreshold: Math.ceil(health.startPeriodSeconds / periodSeconds) + failureThreshold,
    };
  }
  return probes;
}

function probeHandler(health: ResolvedHealthCheck, field: RuntimeFieldWriter): Record<string, unknown> {
  if (health.http) return { httpGet: { path: field('health.http.path', health.http.path), port: field('health.http.port', health.http.port) } };
  if (health.tcp) return { tcpSocket: { port: field('health.tcp.port', health.tcp.port) } };
  // The kubelet expands $(VAR) in exec probe commands too.
  if (health.command !== undefined) return { exec: { command: ['/bin/sh', '-c', escapeExpansion(health.command)] } };
  throw new Error('a resolved health check has neither http, tcp nor command');
}
