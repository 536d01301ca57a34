import type { InputsSchema, Scalar, SecurityContext, TemplateFilter } from '../manifest/index.js';

/**
 * The target-independent result of composition: what every renderer reads. It knows
 * nothing of Compose, Kubernetes or Helm; renderers decide how each part is expressed.
 */
export interface ResolvedApp {
  name: string;
  /** Instances in start order: every instance comes after those it depends on; ties by name. */
  instances: ResolvedInstance[];
}

/**
 * Where a piece of a resolved value came from. Renderers that can only fill values in
 * at deploy time (Helm) rebuild the value from these parts; others use `value`.
 */
export type ValuePart =
  | { kind: 'text'; text: string }
  /** An input of some instance (this one or another, through wiring). */
  | { kind: 'input'; instance: string; input: string; filters: TemplateFilter[] }
  /** The host name other instances reach `instance` by (its service name). */
  | { kind: 'host'; instance: string }
  /** The instance's own name. */
  | { kind: 'name'; instance: string };

export interface ResolvedValue {
  /** The final text, with every reference substituted. */
  value: string;
  /** True when any part comes from a secret input: renderers keep it out of plain files. */
  secret: boolean;
  parts: ValuePart[];
}

export interface ResolvedEnvVar extends ResolvedValue {
  name: string;
}

export interface ResolvedHealthCheck {
  /** Shell command line run inside the container (`/bin/sh -c`). */
  command?: string;
  http?: { port: number; path: string };
  tcp?: { port: number };
  /** Durations in seconds, defaults applied. */
  intervalSeconds: number;
  timeoutSeconds: number;
  retries: number;
  startPeriodSeconds: number;
}

/** A runtime field a manifest may write as a template: `ports.N.port`, `health.http.port`, `health.http.path`, `health.tcp.port`, `volumes.N.size`. */
export type RuntimeField = `ports.${number}.port` | 'health.http.port' | 'health.http.path' | 'health.tcp.port' | `volumes.${number}.size`;

export interface ResolvedInstance {
  name: string;
  component: { name: string; version: string; digest: string; aisle: string; provides: string[]; title: string };
  /** `repository:tag`, or `repository:tag@sha256:…` when the manifest pins a digest. */
  image: string;
  /** Validated input values: given, defaulted, wired or generated. Secrets included. */
  inputs: Record<string, Scalar>;
  /** Names of the secret (writeOnly) inputs, sorted. */
  secretInputs: string[];
  /** Secret inputs generated in this composition (not given, not kept from before), sorted. */
  generatedInputs: string[];
  /**
   * Wired inputs only (those given as `${{ … }}` references), with parts expanded down
   * to the producing instances' own inputs, host and name, so Helm can rebuild them.
   */
  inputParts: Record<string, ResolvedValue>;
  /** Container environment, sorted by name: the manifest's env, then the app spec's extra env. */
  env: ResolvedEnvVar[];
  command?: ResolvedValue[];
  args?: ResolvedValue[];
  ports: Array<{ name: string; port: number; protocol: 'TCP' | 'UDP'; expose: boolean }>;
  /** Host ports to publish (Compose), by port name. */
  publish: Record<string, number>;
  volumes: Array<{ name: string; path: string; size: string }>;
  tmpfs: string[];
  health: ResolvedHealthCheck;
  resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  securityContext: SecurityContext;
  stopGracePeriodSeconds?: number;
  /** Instances that must be healthy before this one starts (wiring and explicit), sorted. */
  dependsOn: string[];
  outputs: Record<string, ResolvedValue>;
  /**
   * The runtime fields whose template refers to an input, host or name, with their parts,
   * so Helm renders them from values (`--set web.port=9090` moves the container port,
   * the Service and the probes). Fields written as plain text are absent.
   */
  runtimeParts?: Partial<Record<RuntimeField, ResolvedValue>>;
  /** True when the instance keeps data on volumes (StatefulSet rather than Deployment). */
  stateful: boolean;
  /**
   * Copies of the container, when the app spec gives `replicas` for a stateless instance.
   * Absent means one, and renderers then write exactly what they wrote before replicas existed.
   */
  replicas?: number;
  /**
   * The component's inputs schema, as in its manifest. Helm turns it into
   * values.schema.json; when absent, Helm falls back to the inputs' types.
   */
  inputsSchema?: InputsSchema;
}
