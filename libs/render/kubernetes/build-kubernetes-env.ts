import type { ResolvedInstance, ResolvedValue } from '../../composition/resolved-app.js';
import { escapeExpansion } from './escape-expansion.js';

// kustomize (`kubectl apply -k`) re-emits NEL, LS and PS as line breaks and loses them, and
// stops on the noncharacters U+FFFE and U+FFFF; a Secret's base64 `data` carries them intact,
// so values holding them go there.
const FOLDED_BY_KUSTOMIZE = /[\u0085\u2028\u2029\ufffe\uffff]/;

export interface KubernetesEnv {
  env: Array<Record<string, unknown>>;
  command?: string[];
  args?: string[];
  /** The instance Secret's values, keys sorted: secret inputs by name, then `env.NAME`, `command.N`, `args.N`. */
  secretData: Record<string, string>;
}

/** True when a Secret value must be written base64 (`data`) rather than as text (`stringData`). */
export function needsBase64(value: string): boolean {
  return FOLDED_BY_KUSTOMIZE.test(value);
}

/**
 * The container's environment, command and args for plain manifests. Plain values are
 * written as `value` (escaped against `$(VAR)` expansion); secret ones live in the
 * instance's Secret and are read through `secretKeyRef`. A secret command or argument
 * becomes `$(AISLE_…)`, a variable read from the Secret, since only env can reference it.
 * A plain value that kustomize would mangle also travels through the Secret.
 */
export function buildKubernetesEnv(instance: ResolvedInstance): KubernetesEnv {
  const secretData: Record<string, string> = {};
  for (const input of instance.secretInputs) {
    const value = instance.inputs[input];
    if (value !== undefined) secretData[input] = String(value);
  }
  const fromSecret = (key: string) => ({ secretKeyRef: { name: instance.name, key } });
  const refs: Array<Record<string, unknown>> = [];
  const taken = new Set(instance.env.map((e) => e.name));
  const argument = (field: 'command' | 'args') => (value: ResolvedValue, i: number) => {
    if (!value.secret && !needsBase64(value.value)) return escapeExpansion(value.value);
    const key = `${field}.${i}`;
    secretData[key] = value.value;
    let variable = `AISLE_${field.toUpperCase()}_${i}`;
    while (taken.has(variable)) variable = `_${variable}`;
    taken.add(variable);
    refs.push({ name: variable, valueFrom: fromSecret(key) });
    return `$(${variable})`;
  };
  const command = instance.command?.map(argument('command'));
  const args = instance.args?.map(argument('args'));

  const env = instance.env.map((variable) => {
    if (!variable.secret && !needsBase64(variable.value)) return { name: variable.name, value: escapeExpansion(variable.value) };
    const own = ownSecretInput(instance, variable);
    const key = own ?? `env.${variable.name}`;
    if (own === undefined) secretData[key] = variable.value;
    return { name: variable.name, valueFrom: fromSecret(key) };
  });
  const out: KubernetesEnv = { env: [...env, ...refs], secretData: sortKeys(secretData) };
  if (command) out.command = command;
  if (args) out.args = args;
  return out;
}

/** The secret input a value is exactly (unfiltered, of this instance), so the Secret holds it once. */
function ownSecretInput(instance: ResolvedInstance, value: ResolvedValue): string | undefined {
  if (value.parts.length !== 1) return undefined;
  const part = value.parts[0]!;
  if (part.kind !== 'input' || part.instance !== instance.name || part.filters.length > 0) return undefined;
  if (!instance.secretInputs.includes(part.input)) return undefined;
  return String(instance.inputs[part.input]) === value.value ? part.input : undefined;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}
