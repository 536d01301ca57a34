import type { ResourceList } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord } from '../shape-guards.js';

const CPU = /^([0-9]+(?:\.[0-9]+)?)(m?)$/;
const MEMORY = /^([0-9]+(?:\.[0-9]+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/;
const MEMORY_FACTOR: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** CPU quantity in cores (`500m` → 0.5), or undefined when it is not one. */
export function cpuCores(quantity: string): number | undefined {
  const m = CPU.exec(quantity);
  return m ? Number(m[1]) / (m[2] === 'm' ? 1000 : 1) : undefined;
}

/** Memory quantity in bytes (`1Gi` → 1073741824), or undefined when it is not one. */
export function memoryBytes(quantity: string): number | undefined {
  const m = MEMORY.exec(quantity);
  return m ? Number(m[1]) * MEMORY_FACTOR[m[2] ?? '']! : undefined;
}

/**
 * Requests and limits for CPU and memory are set, parse as Kubernetes quantities,
 * are not zero, and no request exceeds its limit (Kubernetes would refuse the pod).
 */
export const resources: ManifestRule = {
  name: 'resources',
  description: 'CPU and memory requests and limits are set, and requests do not exceed limits',
  check(manifest) {
    const r = asRecord(asRecord(asRecord(manifest.spec)?.runtime)?.resources) as { requests: ResourceList; limits: ResourceList } | undefined;
    if (!r) return [{ path: 'spec.runtime.resources', message: 'sets no resource requests and limits' }];
    const findings: RuleFinding[] = [];
    const read = (kind: 'requests' | 'limits', given: unknown) => {
      const list = asRecord(given);
      const cpu = typeof list?.cpu === 'string' ? cpuCores(list.cpu) : undefined;
      const memory = typeof list?.memory === 'string' ? memoryBytes(list.memory) : undefined;
      if (!cpu) findings.push({ path: `spec.runtime.resources.${kind}.cpu`, message: 'must be a CPU quantity above zero, e.g. 100m or 1' });
      if (!memory) findings.push({ path: `spec.runtime.resources.${kind}.memory`, message: 'must be a memory quantity above zero, e.g. 256Mi' });
      return { cpu, memory };
    };
    const requests = read('requests', r.requests);
    const limits = read('limits', r.limits);
    if (requests.cpu && limits.cpu && requests.cpu > limits.cpu) {
      findings.push({ path: 'spec.runtime.resources.requests.cpu', message: `requests ${r.requests.cpu}, more than the limit ${r.limits.cpu}` });
    }
    if (requests.memory && limits.memory && requests.memory > limits.memory) {
      findings.push({ path: 'spec.runtime.resources.requests.memory', message: `requests ${r.requests.memory}, more than the limit ${r.limits.memory}` });
    }
    return findings;
  },
};
