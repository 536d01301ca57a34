import { parse } from 'yaml';
import type { SecretReader } from '../renderer.js';
import { TEMPLATE_FILE } from './render-openshift.js';

/**
 * The secrets an earlier OpenShift bundle keeps: a secret the user gave is its parameter's
 * value in template.yaml, read back through aisle.lock's references. Generated ones are
 * `oc process`'s to make and are not kept.
 */
export const readOpenShiftSecrets: SecretReader = (files) => {
  const out: Record<string, Record<string, string>> = {};
  const template = files.get(TEMPLATE_FILE);
  const lock = files.get('aisle.lock');
  if (!template || !lock) return out;
  let values: Map<string, string>;
  let refs: Record<string, { inputs?: Record<string, unknown> }>;
  try {
    const doc = parse(template) as { parameters?: Array<{ name?: unknown; value?: unknown }> };
    values = new Map((doc.parameters ?? []).flatMap((p) => (typeof p.name === 'string' && typeof p.value === 'string' ? [[p.name, p.value] as const] : [])));
    refs = ((parse(lock) as { instances?: typeof refs }).instances ?? {}) as typeof refs;
  } catch {
    return out;
  }
  for (const [instance, entry] of Object.entries(refs)) {
    for (const [input, locked] of Object.entries(entry.inputs ?? {})) {
      const ref = (locked as { ref?: unknown } | null)?.ref;
      if (typeof ref !== 'string' || !ref.startsWith(`${TEMPLATE_FILE}#`)) continue;
      const value = values.get(ref.slice(TEMPLATE_FILE.length + 1));
      if (value !== undefined) (out[instance] ??= {})[input] = value;
    }
  }
  return out;
};
