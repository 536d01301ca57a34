import type { InstanceSpec } from './app-spec.js';
import type { ComponentManifest, InputsSchema } from './manifest.js';

/**
 * An app kit (`kit.yaml`), as validated by schemas/kit.schema.json: a ready-made app
 * spec (`spec.instances`) with the kit's own few inputs, which the instances use as
 * `${{ inputs.NAME }}`. Its metadata is a component's.
 */
export interface KitManifest {
  apiVersion: 'aisle.dev/v1';
  kind: 'Kit';
  metadata: ComponentManifest['metadata'];
  spec: {
    inputs: InputsSchema;
    instances: Record<string, InstanceSpec>;
  };
}
