/** A scalar input value: inputs are deliberately flat. */
export type Scalar = string | number | boolean;

export type SecretGenerator = 'password' | 'hex' | 'base64url' | 'uuid';

/** One declared input variable (a JSON Schema property). */
export interface InputProperty {
  type: 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description: string;
  default?: Scalar;
  enum?: Scalar[];
  examples?: Scalar[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  writeOnly?: boolean;
  'x-aisle-generate'?: SecretGenerator;
}

export interface InputsSchema {
  $schema?: string;
  type: 'object';
  required?: string[];
  additionalProperties?: false;
  properties: Record<string, InputProperty>;
}

export interface OutputDeclaration {
  /** A template over inputs, `host` and `name`; an integer for fixed values such as a port. */
  value: string | number;
  description: string;
}

export interface PortDeclaration {
  name: string;
  port: number;
  protocol?: 'TCP' | 'UDP';
  expose?: boolean;
}

export interface VolumeDeclaration {
  name: string;
  path: string;
  size: string;
}

export interface HealthCheck {
  command?: string;
  http?: { port: number; path: string };
  tcp?: { port: number };
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
}

export interface ResourceList {
  cpu: string;
  memory: string;
}

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  runAsNonRoot?: boolean;
  readOnlyRootFilesystem?: boolean;
}

export interface Runtime {
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  ports: PortDeclaration[];
  volumes?: VolumeDeclaration[];
  tmpfs?: string[];
  health: HealthCheck;
  resources: { requests: ResourceList; limits: ResourceList };
  securityContext?: SecurityContext;
  stopGracePeriod?: string;
}

/** A component manifest (`component.yaml`), as validated by schemas/component.schema.json. */
export interface ComponentManifest {
  apiVersion: 'aisle.dev/v1';
  kind: 'Component';
  metadata: {
    name: string;
    version: string;
    aisle: string;
    title: string;
    description: string;
    keywords?: string[];
    publisher: string;
    license: string;
    homepage?: string;
    documentation?: string;
  };
  spec: {
    provides: string[];
    image: { repository: string; tag: string; digest?: string };
    inputs: InputsSchema;
    outputs: Record<string, OutputDeclaration>;
    runtime: Runtime;
  };
}
