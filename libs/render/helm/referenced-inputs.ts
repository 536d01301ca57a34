import type { ResolvedApp } from '../../composition/resolved-app.js';
import { flattenParts } from './flatten-parts.js';

/** The key `referencedInputs` uses for an instance's input. */
export function inputKey(instance: string, input: string): string {
  return `${instance}\u0000${input}`;
}

/**
 * Every input a chart's workloads read, as `inputKey`s: through env, command, args and
 * runtime fields (ports, probe paths, claim sizes), wiring followed to the producing
 * instance. An input read nowhere would be a values.yaml key with no effect.
 */
export function referencedInputs(app: ResolvedApp): Set<string> {
  const instances = new Map(app.instances.map((i) => [i.name, i]));
  const out = new Set<string>();
  for (const instance of app.instances) {
    const runtime = Object.values(instance.runtimeParts ?? {}).filter((v) => v !== undefined);
    const values = [...instance.env, ...(instance.command ?? []), ...(instance.args ?? []), ...runtime];
    for (const value of values) {
      for (const part of flattenParts(value.parts, instances)) if (part.kind === 'input') out.add(inputKey(part.instance, part.input));
    }
  }
  return out;
}
