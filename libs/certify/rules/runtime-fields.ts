import type { ComponentManifest } from '../../manifest/index.js';
import { asList, asRecord, entriesOf } from '../shape-guards.js';

/** The runtime parts the image-specific rules read, each in a safe shape. */
export interface RuntimeFields {
  env: Map<string, string>;
  /** command then args, joined by spaces: what the container runs. */
  commandLine: string;
  hasCommand: boolean;
  healthCommand?: string;
  ports: { name: string; port: number; expose: boolean; protocol: string }[];
  volumePaths: string[];
  memoryLimit?: string;
}

/** Reads env, command, args, health command, ports, volume paths and the memory limit. */
export function runtimeFields(manifest: ComponentManifest): RuntimeFields {
  const runtime = asRecord(asRecord(manifest.spec)?.runtime);
  const env = new Map<string, string>();
  for (const [name, value] of entriesOf(runtime?.env)) if (typeof value === 'string') env.set(name, value);
  const command = asList(runtime?.command).filter((v): v is string => typeof v === 'string');
  const args = asList(runtime?.args).filter((v): v is string => typeof v === 'string');
  const health = asRecord(runtime?.health)?.command;
  const limit = asRecord(asRecord(runtime?.resources)?.limits)?.memory;
  return {
    env,
    commandLine: [...command, ...args].join(' '),
    hasCommand: command.length > 0,
    ...(typeof health === 'string' ? { healthCommand: health } : {}),
    ports: asList(runtime?.ports).flatMap((p) => {
      const port = asRecord(p);
      return typeof port?.port === 'number'
        ? [
            {
              name: typeof port.name === 'string' ? port.name : '',
              port: port.port,
              expose: port.expose === true,
              protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
            },
          ]
        : [];
    }),
    volumePaths: asList(runtime?.volumes).flatMap((v) => {
      const path = asRecord(v)?.path;
      return typeof path === 'string' ? [path] : [];
    }),
    ...(typeof limit === 'string' ? { memoryLimit: limit } : {}),
  };
}
