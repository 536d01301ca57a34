import { parse } from 'yaml';
import type { SecretReader } from '../renderer.js';

/**
 * Reads the secret inputs an earlier chart's values.yaml holds. Secrets Helm generates
 * are empty there (they live in the cluster), so only given ones come back; an empty
 * one is generated again by composition and written empty again, which keeps the chart
 * byte-identical. A values.yaml that does not parse gives nothing.
 */
export const readHelmSecrets: SecretReader = (files) => {
  const content = files.get('values.yaml');
  if (content === undefined) return {};
  let values: unknown;
  try {
    values = parse(content, { version: '1.1' });
  } catch {
    return {};
  }
  const schemaText = files.get('values.schema.json');
  const secretNames = schemaText === undefined ? undefined : writeOnlyInputs(schemaText);
  const out: Record<string, Record<string, string>> = {};
  if (!isRecord(values)) return out;
  for (const [instance, inputs] of Object.entries(values)) {
    if (!isRecord(inputs)) continue;
    for (const [input, value] of Object.entries(inputs)) {
      if (typeof value !== 'string' || value === '') continue;
      if (secretNames && !secretNames.get(instance)?.has(input)) continue;
      (out[instance] ??= {})[input] = value;
    }
  }
  return out;
};

/** Instance → names of its writeOnly inputs, from values.schema.json. */
function writeOnlyInputs(text: string): Map<string, Set<string>> | undefined {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    return undefined;
  }
  const out = new Map<string, Set<string>>();
  if (!isRecord(schema) || !isRecord(schema.properties)) return undefined;
  for (const [instance, instanceSchema] of Object.entries(schema.properties)) {
    if (!isRecord(instanceSchema) || !isRecord(instanceSchema.properties)) continue;
    const names = new Set<string>();
    for (const [input, property] of Object.entries(instanceSchema.properties)) {
      if (isRecord(property) && property.writeOnly === true) names.add(input);
    }
    out.set(instance, names);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
