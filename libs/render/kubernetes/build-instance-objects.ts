import type { ResolvedInstance } from '../../composition/resolved-app.js';
import { buildDisruptionBudget } from './build-disruption-budget.js';
import { buildServices, type ServiceParts } from './build-services.js';
import { buildWorkload, type WorkloadParts } from './build-workload.js';

/** What differs between the plain manifests and the Helm templates of an instance's objects. */
export type InstanceParts = WorkloadParts & ServiceParts;

/** One object of an instance, and the file it is written to in the instance's folder. */
export interface InstanceObject {
  file: 'service.yaml' | 'service-headless.yaml' | 'deployment.yaml' | 'statefulset.yaml' | 'poddisruptionbudget.yaml';
  object: Record<string, unknown>;
}

/**
 * The Kubernetes objects of one instance, for both the plain manifests and the Helm chart,
 * so the two cannot drift: its Service, its headless Service (stateful), its workload, and a
 * PodDisruptionBudget when it runs replicas (above one; in a chart whenever the count is a value,
 * which the chart then guards).
 * The renderers differ only in `parts`: literal values in one, template actions in the other.
 */
export function buildInstanceObjects(instance: ResolvedInstance, parts: InstanceParts): InstanceObject[] {
  const out: InstanceObject[] = [];
  const services = buildServices(instance, parts);
  if (services.service) out.push({ file: 'service.yaml', object: services.service });
  if (services.headless) out.push({ file: 'service-headless.yaml', object: services.headless });
  out.push({ file: instance.stateful ? 'statefulset.yaml' : 'deployment.yaml', object: buildWorkload(instance, parts) });
  if (instance.replicas !== undefined && (parts.replicas !== undefined || instance.replicas > 1)) {
    out.push({ file: 'poddisruptionbudget.yaml', object: buildDisruptionBudget(parts) });
  }
  return out;
}
