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
  /** What `pattern` asks for, in a sentence a person understands: shown instead of the regex. */
  'x-aisle-pattern-message'?: string;
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

/** A port number, or `${{ inputs.NAME }}` naming an integer input. */
export type PortNumber = number | string;

export interface PortDeclaration {
  name: string;
  port: PortNumber;
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
  http?: { port: PortNumber; path: string };
  tcp?: { port: PortNumber };
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

/** A pinned image, or the name of a string input holding one (generic components). */
export type ImageDeclaration = { repository: string; tag: string; digest?: string } | { input: string };

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
    image: ImageDeclaration;
    inputs: InputsSchema;
    outputs: Record<string, OutputDeclaration>;
    runtime: Runtime;
  };
  /** How an app moves to this version in place (absent: from any earlier version of the same major, inputs as they are). */
  upgrade?: UpgradeDeclaration;
}

/** The `upgrade` block of a manifest: supported sources, input migrations, data notes. */
export interface UpgradeDeclaration {
  /** Earlier versions an in-place upgrade to this one is supported from (a semver range). */
  from: string;
  /** Applied in order to the inputs of the version upgraded from. */
  migrations?: InputMigration[];
  /** Work the data needs: such an upgrade is refused unless the user says it is done. */
  data?: DataNote[];
}

/** One change to the inputs; `from` limits it to upgrades from some versions. */
export type InputMigration = { from?: string } & (
  | { rename: { input: string; to: string } }
  | { drop: { input: string } }
  | { set: { input: string; value?: Scalar; template?: string } }
  | { map: { input: string; values: Record<string, Scalar> } }
);

/** A note on the data (e.g. a PostgreSQL major needs pg_upgrade or dump and restore). */
export interface DataNote {
  from?: string;
  note: string;
}
