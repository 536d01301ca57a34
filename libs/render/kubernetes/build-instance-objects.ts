import type { ResolvedInstance } from '../../composition/resolved-app.js';
import { buildServices, type ServiceParts } from './build-services.js';
import { buildWorkload, type WorkloadParts } from './build-workload.js';

/** What differs between the plain manifests and the Helm templates of an instance's objects. */
export type InstanceParts = WorkloadParts & ServiceParts;

/** One object of an instance, and the file it is written to in the instance's folder. */
export interface InstanceObject {
  file: 'service.yaml' | 'service-headless.yaml' | 'deployment.yaml' | 'statefulset.yaml';
  object: Record<string, unknown>;
}

/**
 * The Kubernetes objects of one instance, for both the plain manifests and the Helm chart,
 * so the two cannot drift: its Service, its headless Service (stateful), and its workload.
 * The renderers differ only in `parts`: literal values in one, template actions in the other.
 */
export function buildInstanceObjects(instance: ResolvedInstance, parts: InstanceParts): InstanceObject[] {
  const out: InstanceObject[] = [];
  const services = buildServices(instance, parts);
  if (services.service) out.push({ file: 'service.yaml', object: services.service });
  if (services.headless) out.push({ file: 'service-headless.yaml', object: services.headless });
  out.push({ file: instance.stateful ? 'statefulset.yaml' : 'deployment.yaml', object: buildWorkload(instance, parts) });
  return out;
}
