import type { Scalar } from './manifest.js';

/** One named instance of a component in an app spec. */
export interface InstanceSpec {
  /** `NAME` or `NAME@RANGE`. */
  component: string;
  inputs?: Record<string, Scalar>;
  env?: Record<string, Scalar>;
  dependsOn?: string[];
  publish?: Record<string, number>;
  /** Copies of a stateless component's container (1 to 100); absent means one. */
  replicas?: number;
}

/** An app spec, as validated by schemas/app.schema.json. */
export interface AppSpec {
  apiVersion: 'aisle.dev/v1';
  kind: 'App';
  metadata: { name: string; description?: string };
  instances: Record<string, InstanceSpec>;
}
