import type { ComponentManifest } from './manifest.js';

/** Where a template string sits in a manifest, and which kind of field holds it. */
export interface TemplateField {
  path: string;
  template: string;
  kind: 'env' | 'command' | 'args' | 'output' | 'volume-size' | 'port' | 'health-command' | 'health-path';
}

/**
 * Every string field of a manifest that may hold `${{ … }}` references, with its path:
 * env, command, args, outputs, volume sizes, ports and the health check. The one list of
 * templated fields: parseManifest checks their syntax, lint rules their references and
 * secrets. Composition (resolveRuntime) evaluates each of them but the health command, which
 * reaches the shell as written: listed here so that lint still refuses a secret in it. Fields of the wrong shape are
 * skipped (the schema check reports them), so any value is read safely.
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

// A manifest nobody validated yet may hold anything: each reader answers "absent" for the wrong shape.
function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function entriesOf(value: unknown): Array<[string, unknown]> {
  const record = asRecord(value);
  return record ? Object.entries(record) : [];
}
