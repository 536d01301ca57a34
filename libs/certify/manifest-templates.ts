import type { ComponentManifest } from '../manifest/index.js';

/** Where a template string sits in a manifest, and which kind of field holds it. */
export interface TemplateField {
  path: string;
  template: string;
  kind: 'env' | 'command' | 'args' | 'output' | 'volume-size' | 'port' | 'health-command' | 'health-path';
}

/**
 * Every string field of a manifest that may hold `${{ … }}` references, with its path:
 * env, command, args, outputs, volume sizes, ports and the health check.
 */
export function manifestTemplates(manifest: ComponentManifest): TemplateField[] {
  const out: TemplateField[] = [];
  const add = (kind: TemplateField['kind'], path: string, value: unknown) => {
    if (typeof value === 'string') out.push({ kind, path, template: value });
  };
  const runtime = manifest.spec?.runtime;
  for (const [name, value] of Object.entries(runtime?.env ?? {})) add('env', `spec.runtime.env.${name}`, value);
  (runtime?.command ?? []).forEach((value, i) => add('command', `spec.runtime.command.${i}`, value));
  (runtime?.args ?? []).forEach((value, i) => add('args', `spec.runtime.args.${i}`, value));
  for (const [name, output] of Object.entries(manifest.spec?.outputs ?? {})) add('output', `spec.outputs.${name}.value`, output?.value);
  (runtime?.volumes ?? []).forEach((volume, i) => add('volume-size', `spec.runtime.volumes.${i}.size`, volume?.size));
  (runtime?.ports ?? []).forEach((port, i) => add('port', `spec.runtime.ports.${i}.port`, port?.port));
  add('health-command', 'spec.runtime.health.command', runtime?.health?.command);
  add('port', 'spec.runtime.health.http.port', runtime?.health?.http?.port);
  add('health-path', 'spec.runtime.health.http.path', runtime?.health?.http?.path);
  add('port', 'spec.runtime.health.tcp.port', runtime?.health?.tcp?.port);
  return out;
}
