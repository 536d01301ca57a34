import { parse } from 'yaml';
import type { SecretReader } from '../renderer.js';

/**
 * Reads the secret inputs an earlier Kubernetes bundle holds: each instance's
 * `<instance>/secret.yaml` stringData (or base64 data), keeping the keys that name
 * inputs (input names have no `.`, the derived `env.*`/`args.*` keys do). A file that
 * does not parse is skipped: composing again then generates fresh secrets for it.
 */
export const readKubernetesSecrets: SecretReader = (files) => {
  const out: Record<string, Record<string, string>> = {};
  for (const [path, content] of files) {
    const match = /^([a-z][a-z0-9-]*)\/secret\.yaml$/.exec(path);
    if (!match) continue;
    const values = secretValues(content);
    if (values && Object.keys(values).length > 0) out[match[1]!] = values;
  }
  return out;
};

function secretValues(content: string): Record<string, string> | undefined {
  let doc: unknown;
  try {
    doc = parse(content, { version: '1.1' });
  } catch {
    return undefined;
  }
  if (!isRecord(doc) || doc.kind !== 'Secret') return undefined;
  const values: Record<string, string> = {};
  if (isRecord(doc.data)) {
    for (const [key, value] of Object.entries(doc.data)) {
      if (typeof value === 'string' && !key.includes('.')) values[key] = Buffer.from(value, 'base64').toString('utf8');
    }
  }
  if (isRecord(doc.stringData)) {
    for (const [key, value] of Object.entries(doc.stringData)) {
      if (typeof value === 'string' && !key.includes('.')) values[key] = value;
    }
  }
  return values;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
