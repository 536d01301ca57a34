import type { WorkloadParts } from './build-workload.js';

/**
 * The PodDisruptionBudget of a replicated Deployment: voluntary disruptions (a node
 * drain, a cluster upgrade) evict its pods one at a time, selecting them by the same
 * labels as the Deployment. `maxUnavailable: 1` rather than `minAvailable: 1`: with three
 * replicas, minAvailable 1 would let a drain take two at once and leave one pod carrying
 * all the traffic, and it would need changing whenever replicas change; maxUnavailable 1
 * keeps every replica but one serving at any count, and never blocks a drain outright.
 */
export function buildDisruptionBudget(parts: Pick<WorkloadParts, 'name' | 'labels' | 'selectorLabels' | 'annotations'>): Record<string, unknown> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: parts.name, labels: parts.labels, annotations: parts.annotations },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: parts.selectorLabels },
    },
  };
}
