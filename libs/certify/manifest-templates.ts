import type { ComponentManifest } from '../manifest/index.js';
import { asList, asRecord, entriesOf } from './shape-guards.js';

/** Where a template string sits in a manifest, and which kind of field holds it. */
export interface TemplateField {
  path: string;
  template: string;
  kind: 'env' | 'command' | 'args' | 'output' | 'volume-size' | 'port' | 'health-command' | 'health-path';
}

/**
 * Every string field of a manifest that may hold `${{ … }}` references, with its path:
 * env, command, args, outputs, volume sizes, ports and the health check. Fields of the
 * wrong shape are skipped (the schema check reports them).
 */
export function manifestTemplates(manifest: ComponentManifest): TemplateField[] {
  const out: TemplateField[] = [];
  const add = (kind: TemplateField['kind'], path: string, value: unknown) => {
    if (typeof value === 'string') out.push({ kind, path, template: value });
  };
  const runtime = asRecord(asRecord(manifest.spec)?.runtime);
  for (const [name, value] of entriesOf(runtime?.env)) add('env', `spec.runtime.env.${name}`, value);
  asList(runtime?.command).forEach((value, i) => add('command', `spec.runtime.command.${i}`, value));
  asList(runtime?.args).forEach((value, i) => add('args', `spec.runtime.args.${i}`, value));
  for (const [name, output] of entriesOf(asRecord(manifest.spec)?.outputs)) add('output', `spec.outputs.${name}.value`, asRecord(output)?.value);
  asList(runtime?.volumes).forEach((volume, i) => add('volume-size', `spec.runtime.volumes.${i}.size`, asRecord(volume)?.size));
  asList(runtime?.ports).forEach((port, i) => add('port', `spec.runtime.ports.${i}.port`, asRecord(port)?.port));
  const health = asRecord(runtime?.health);
  add('health-command', 'spec.runtime.health.command', health?.command);
  add('port', 'spec.runtime.health.http.port', asRecord(health?.http)?.port);
  add('health-path', 'spec.runtime.health.http.path', asRecord(health?.http)?.path);
  add('port', 'spec.runtime.health.tcp.port', asRecord(health?.tcp)?.port);
  return out;
}
