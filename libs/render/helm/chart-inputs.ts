import type { ResolvedInstance } from '../../composition/resolved-app.js';

/** How an instance's inputs appear in the chart. */
export interface ChartInputs {
  /** Inputs in values.yaml, in the instance's order: all but the wired ones. */
  values: string[];
  /** Secret inputs the instance's Secret holds (not wired). */
  secrets: string[];
  /** The values key holding the image: `image`, unless an input has that name. */
  imageKey: string;
  /** The input the image is read from, when the component takes its image from an input. */
  imageInput?: string;
}

/**
 * Sorts an instance's inputs for the chart. Wired inputs are left out of values: Helm
 * rebuilds them from the producing instance, so a value in values would be ignored.
 */
export function chartInputs(instance: ResolvedInstance): ChartInputs {
  const wired = (input: string) => instance.inputParts[input]?.parts.some((p) => p.kind !== 'text') ?? false;
  const values = Object.keys(instance.inputs).filter((input) => !wired(input));
  const secrets = instance.secretInputs.filter((input) => !wired(input) && input in instance.inputs);
  // A generic component takes its image from a string input: reading it from there keeps --set working.
  const imageInput = values.find((input) => !instance.secretInputs.includes(input) && instance.inputs[input] === instance.image);
  const out: ChartInputs = { values, secrets, imageKey: values.includes('image') ? 'containerImage' : 'image' };
  if (imageInput) out.imageInput = imageInput;
  return out;
}
