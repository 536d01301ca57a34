import { appSpecYaml, type SpecInstance } from './app-spec';
import { inputValues, type FormValues, type InputSpec } from './form-values';

/** One wire: an input (or an environment variable) of this instance set from another instance's output. */
export interface Wire {
  id: number;
  /** `input:NAME`, or `env` for an environment variable named envName. */
  target: string;
  envName: string;
  /** `INSTANCE.OUTPUT`, e.g. db.url. */
  from: string;
}

/** An instance as the app builder holds it. */
export interface BuilderInstance {
  id: number;
  name: string;
  component: string;
  values: FormValues;
  wires: Wire[];
}

/** Where a wire writes in the app spec: NAME.inputs.X or NAME.env.X. */
export function wirePath(instance: string, wire: Wire): string {
  return wire.target === 'env' ? `${instance}.env.${wire.envName}` : `${instance}.inputs.${wire.target.slice('input:'.length)}`;
}

/** The builder's state as an app spec (YAML): values as typed, wires as ${{ instance.output }}. */
export function builderAppSpec(appName: string, instances: readonly BuilderInstance[], inputsOf: (component: string) => readonly InputSpec[]): string {
  const spec: Record<string, SpecInstance> = {};
  for (const i of instances) {
    const inputs: Record<string, string | number | boolean> = inputValues(inputsOf(i.component), i.values);
    const env: Record<string, string> = {};
    for (const w of i.wires) {
      if (!w.from) continue;
      const reference = `\${{ ${w.from} }}`;
      if (w.target === 'env') {
        if (w.envName) env[w.envName] = reference;
      } else if (w.target.startsWith('input:')) inputs[w.target.slice('input:'.length)] = reference;
    }
    spec[i.name] = { component: i.component, inputs, env };
  }
  return appSpecYaml(appName, spec);
}
