import { compileSafePattern } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord, entriesOf } from '../shape-guards.js';
import { runtimeFields } from './runtime-fields.js';

const UNITS: Readonly<Record<string, number>> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, K: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576 };

/** A Kubernetes memory quantity in MiB, or undefined when it is not one of the usual forms. */
function mebibytes(quantity: string): number | undefined {
  const match = /^(\d+)(Ki|Mi|Gi|Ti|K|M|G)$/.exec(quantity);
  return match ? Number(match[1]) * UNITS[match[2]!]! : undefined;
}

/**
 * An input that sizes memory inside the container (its name says memory) cannot reach
 * the container's memory limit: at the limit the server is OOM-killed instead of evicting.
 * Integers are read as megabytes; strings are probed with the limit in Redis's units.
 */
export const memoryInputBounded: ManifestRule = {
  name: 'memory-input-bounded',
  description: "an input that sizes memory stays below the container's memory limit",
  check(manifest) {
    const limitText = runtimeFields(manifest).memoryLimit;
    const limit = limitText === undefined ? undefined : mebibytes(limitText);
    if (limit === undefined) return [];
    const findings: RuleFinding[] = [];
    for (const [name, value] of entriesOf(asRecord(manifest.spec?.inputs)?.properties)) {
      const input = asRecord(value);
      if (!input || !/memory/i.test(name)) continue;
      const base = `spec.inputs.properties.${name}`;
      if (input.type === 'integer' || input.type === 'number') {
        const maximum = typeof input.maximum === 'number' ? input.maximum : typeof input.exclusiveMaximum === 'number' ? input.exclusiveMaximum : undefined;
        if (maximum === undefined || maximum >= limit)
          findings.push({ path: `${base}.maximum`, message: `must stay below the container's memory limit (${limitText}, ${limit} MiB)` });
      } else if (input.type === 'string') {
        const accepted = acceptedAtLimit(input.pattern, limit);
        if (accepted !== undefined)
          findings.push({
            path: typeof input.pattern === 'string' ? `${base}.pattern` : base,
            message: `accepts "${accepted}", at or above the container's memory limit (${limitText}); bound it below`,
          });
      }
    }
    return findings;
  },
};

function acceptedAtLimit(pattern: unknown, limit: number): string | undefined {
  const probes = [
    `${Math.ceil(limit)}mb`,
    `${Math.ceil(limit / 1024)}gb`,
    `${Math.ceil(limit * 1024)}kb`,
    `${Math.ceil(limit)}m`,
    `${Math.ceil(limit / 1024)}g`,
    `${Math.ceil(limit * 1048576)}`,
  ];
  if (typeof pattern !== 'string') return probes[0];
  const verdict = compileSafePattern(pattern);
  if ('problem' in verdict) return undefined;
  return probes.find((p) => verdict.pattern.test(p));
}
