import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Secret, Service } from 'kubernetes-models/v1';

/** Validates one object against the official Kubernetes OpenAPI schema of its kind; throws when invalid. */
export function validateKubernetesObject(object: Record<string, unknown>): void {
  switch (object.kind) {
    case 'Deployment':
      return new Deployment(object as never).validate();
    case 'StatefulSet':
      return new StatefulSet(object as never).validate();
    case 'Service':
      return new Service(object as never).validate();
    case 'Secret':
      return new Secret(object as never).validate();
    case 'PodDisruptionBudget':
      // policy/v1beta1 was removed in Kubernetes 1.25.
      if (object.apiVersion !== 'policy/v1') throw new Error(`PodDisruptionBudget must be policy/v1, not ${String(object.apiVersion)}`);
      return new PodDisruptionBudget(object as never).validate();
    default:
      throw new Error(`no schema for kind ${String(object.kind)}`);
  }
}
