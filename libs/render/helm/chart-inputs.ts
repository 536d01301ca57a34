import type { ResolvedInstance } from '../../composition/resolved-app.js';

import { inputKey } from './referenced-inputs.js';

/** How an instance's inputs appear in the chart. */
export interface ChartInputs {
  /** Inputs in values.yaml, in the instance's order: all but the wired ones and those nothing reads. */
  values: string[];
  /** Secret inputs the instance's Secret holds (not wired). */
  secrets: string[];
  /** The values key holding the image: `image`, unless an input has that name. */
  imageKey: string;
  /** The input the image is read from, when the component takes its image from an input. */
  imageInput?: string;
  /** The values key holding the replica count when the app spec gives one: `replicas`, unless an input has that name. */
  replicasKey?: string;
}

/**
 * Sorts an instance's inputs for the chart. Every key in values.yaml must have an effect:
 * wired inputs are left out (Helm rebuilds them from the producing instance), and so are
 * plain inputs no template reads (say, one only an unwired output uses); secrets always
 * have one, in the instance's Secret. `referenced` holds the `inputKey`s templates read.
 */
export function chartInputs(instance: ResolvedInstance, referenced: ReadonlySet<string>): ChartInputs {
  const wired = (input: string) => instance.inputParts[input]?.parts.some((p) => p.kind !== 'text') ?? false;
  const own = Object.keys(instance.inputs).filter((input) => !wired(input));
  const secrets = instance.secretInputs.filter((input) => !wired(input) && input in instance.inputs);
  // A generic component takes its image from a string input: reading it from there keeps --set working.
  const imageInput = own.find((input) => !instance.secretInputs.includes(input) && instance.inputs[input] === instance.image);
  const values = own.filter((input) => input === imageInput || secrets.includes(input) || referenced.has(inputKey(instance.name, input)));
  const out: ChartInputs = { values, secrets, imageKey: values.includes('image') ? 'containerImage' : 'image' };
  if (imageInput) out.imageInput = imageInput;
  if (instance.replicas !== undefined) out.replicasKey = values.includes('replicas') ? 'replicaCount' : 'replicas';
  return out;
}
