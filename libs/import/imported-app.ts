import type { SecretGenerator } from '../manifest/index.js';

/** The formats `aisle import` reads. */
export const IMPORT_FORMATS = ['compose', 'openshift', 'caprover', 'portainer', 'nulecule'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What each format is called in messages. */
export const FORMAT_TITLES: Record<ImportFormat, string> = {
  compose: 'Docker Compose file',
  openshift: 'OpenShift Template',
  caprover: 'CapRover one-click app',
  portainer: 'Portainer app template',
  nulecule: 'Nulecule file',
};

/**
 * A piece of a value found in the source: literal text, a reference to one of the
 * source's variables (a Template parameter, a CapRover variable, `${VAR}` in Compose),
 * or the host name of another service of the same app.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'param'; name: string } | { kind: 'host'; service: string };

/** A variable the source declares: what a user fills in when deploying it there. */
export interface ImportedParameter {
  name: string;
  description?: string;
  default?: string;
  required: boolean;
  /** The source generates the value when none is given (OpenShift `generate: expression`, CapRover `$$cap_gen_random_hex`). */
  generate?: SecretGenerator;
  /** The source's own pattern for the value (CapRover `validRegex`), as a JSON Schema pattern. */
  pattern?: string;
  /** Allowed values (a Portainer `select`). */
  enum?: string[];
}

export interface ImportedHealth {
  command?: string;
  http?: { port: number; path: string };
  tcp?: { port: number };
  intervalSeconds?: number;
  timeoutSeconds?: number;
  retries?: number;
  startPeriodSeconds?: number;
}

/** One container of the source, in the importers' common form. */
export interface ImportedService {
  /** A safe name (lower-case DNS label): the instance name and the draft's name. */
  name: string;
  /** The name in the source, and where it sits there (`services.db`). */
  sourceName: string;
  sourcePath: string;
  /** The image reference as found (variables filled in with their defaults). */
  image: string;
  env: Array<{ name: string; value: Segment[] }>;
  command?: Segment[][];
  args?: Segment[][];
  ports: Array<{ port: number; protocol: 'TCP' | 'UDP'; name?: string; published?: number; http?: boolean }>;
  volumes: Array<{ path: string; name?: string; size?: string }>;
  health?: ImportedHealth;
  resources?: { cpu?: string; memory?: string };
  user?: { runAsUser?: number; runAsGroup?: number; fsGroup?: number };
  dependsOn: string[];
  description?: string;
}

/** One line of the report: a key of the source, mapped somewhere or dropped with a reason. */
export interface ReportEntry {
  /** Dotted path of the key in the source (`services.web.healthcheck`). */
  source: string;
  status: 'mapped' | 'dropped' | 'renamed';
  /** Where it went (`web.inputs.databasePassword`), for mapped and renamed keys. */
  target?: string;
  /** Why it was dropped, or a note on how it was mapped. */
  reason?: string;
}

/** What an importer reads from one source file. */
export interface ImportedApp {
  format: ImportFormat;
  name: string;
  description?: string;
  parameters: Map<string, ImportedParameter>;
  services: ImportedService[];
  entries: ReportEntry[];
  /** The document the report's key paths refer to, when the importer rewrote the source's names (CapRover). */
  sweep?: unknown;
}
