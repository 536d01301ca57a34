import type { KitVersion } from '../catalog/index.js';
import { prefixPath, type Diagnostic } from '../diagnostics/index.js';
import { validateInputs } from '../inputs/index.js';
import { parseTemplate, type AppSpec, type InstanceSpec, type Scalar } from '../manifest/index.js';
import { applyFilters } from './evaluate-template.js';

export interface ExpandedKit {
  /** Present only when the kit's inputs are valid. */
  spec?: AppSpec;
  /** Problems with the kit's inputs, at `inputs.NAME`. */
  diagnostics: Diagnostic[];
}

/**
 * A kit with values for its own inputs, as the app spec it stands for: each
 * `${{ inputs.NAME }}` in an instance's inputs and env is replaced by the value (a value
 * that is only that reference keeps its type, and is left out when the input is unset, so
 * the component's default or generated secret applies); wiring between instances is
 * kept for composition. Pure: the result composes like any app spec.
 */
export function expandKit(kit: KitVersion, given: Record<string, Scalar>): ExpandedKit {
  const validated = validateInputs({ digest: kit.digest, manifest: kit.kit }, given);
  const diagnostics = prefixPath(validated.diagnostics, 'inputs');
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const instances: Record<string, InstanceSpec> = {};
  for (const [name, instance] of Object.entries(kit.kit.spec.instances)) {
    const copy: InstanceSpec = { ...instance };
    if (instance.inputs) copy.inputs = substitute(instance.inputs, validated.values);
    if (instance.env) copy.env = substitute(instance.env, validated.values);
    instances[name] = copy;
  }
  const spec: AppSpec = {
    apiVersion: 'aisle.dev/v1',
    kind: 'App',
    metadata: { name: kit.name, description: `${kit.kit.metadata.title} (${kit.name}@${kit.version})` },
    instances,
  };
  return { spec, diagnostics };
}

/** The values a kit is checked with: the first example of each required input (defaults fill the rest); undefined names those without one. */
export function kitExampleInputs(kit: KitVersion): { values: Record<string, Scalar>; missing: string[] } {
  const values: Record<string, Scalar> = {};
  const missing: string[] = [];
  for (const name of kit.kit.spec.inputs.required ?? []) {
    const example = kit.kit.spec.inputs.properties[name]?.examples?.[0];
    if (example === undefined) missing.push(name);
    else values[name] = example;
  }
  return { values, missing };
}

function substitute(values: Record<string, Scalar>, inputs: Record<string, Scalar>): Record<string, Scalar> {
  const out: Record<string, Scalar> = Object.create(null) as Record<string, Scalar>;
  for (const [key, raw] of Object.entries(values)) {
    if (typeof raw !== 'string') {
      out[key] = raw;
      continue;
    }
    const { segments } = parseTemplate(raw);
    const only =
      segments.length === 1 && segments[0]!.kind === 'ref' && segments[0]!.ref[0] === 'inputs' && segments[0]!.filters.length === 0 ? segments[0]! : undefined;
    if (only?.kind === 'ref') {
      const value = inputs[only.ref[1]!];
      if (value !== undefined) out[key] = typeof value === 'string' ? literal(value) : value;
      continue;
    }
    out[key] = segments
      .map((s) => {
        if (s.kind === 'text') return literal(s.text);
        if (s.ref[0] !== 'inputs') return s.source;
        // parseKit makes sure an input inside longer text always has a value.
        return literal(applyFilters(String(inputs[s.ref[1]!] ?? ''), s.filters));
      })
      .join('');
  }
  return out;
}

/** Text the app spec must read as it is: a `${{` in it is written `$${{`. */
function literal(text: string): string {
  return text.replace(/\$\{\{/g, () => '$${{');
}
