import type { ResolvedInstance } from '../../composition/resolved-app.js';
import type { SecretGenerator } from '../../manifest/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SecretRule {
  generate?: SecretGenerator;
  length: number;
}

/**
 * How Helm makes a secret input when none is given: the manifest's `x-aisle-generate`
 * rule, or, without the schema, the shape of the value composition generated. The length
 * is that of the generated value, which already honours the input's bounds.
 */
export function secretRule(instance: ResolvedInstance, input: string): SecretRule {
  const property = instance.inputsSchema?.properties[input];
  const value = instance.generatedInputs.includes(input) ? String(instance.inputs[input] ?? '') : undefined;
  const generate = property ? property['x-aisle-generate'] : value === undefined ? undefined : shapeOf(value);
  const length = value?.length || Math.max(property?.minLength ?? 0, generate === 'hex' ? 64 : 24);
  return generate ? { generate, length } : { length };
}

function shapeOf(value: string): SecretGenerator {
  if (UUID.test(value)) return 'uuid';
  if (/^[0-9a-f]+$/.test(value) && value.length >= 16) return 'hex';
  if (/[-_]/.test(value) && value.length === 22) return 'base64url';
  return 'password';
}
