import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
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
    default:
      throw new Error(`no schema for kind ${String(object.kind)}`);
  }
}
