/** One input as the GraphQL API describes it. */
export interface InputSpec {
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  secret: boolean;
  generated: boolean;
  description: string;
  enum?: unknown[] | null;
}

/**
 * Whether a person has to give this input: required by the schema, with no default and not
 * generated. The same rule as the REQUIRED column of `aisle show`: a defaulted input is never
 * shown as required, since leaving it empty is fine.
 */
export function mustGive(i: InputSpec): boolean {
  return i.required && (i.default === undefined || i.default === null) && !i.generated;
}

/** What the form holds: text as typed, booleans as switched. */
export type FormValues = Record<string, string | boolean>;

/** The form's starting values: defaults filled in, secrets and the rest empty. */
export function initialValues(inputs: readonly InputSpec[]): FormValues {
  const values: FormValues = {};
  for (const i of inputs) {
    if (i.type === 'boolean') values[i.name] = i.default === true;
    else values[i.name] = i.default === undefined || i.default === null || i.secret ? '' : String(i.default);
  }
  return values;
}

/**
 * The input values to send: empty fields left out (a default applies, a secret is
 * generated), numbers as numbers when they read as one (else as typed, for the
 * validator to name), booleans that differ from their default.
 */
export function inputValues(inputs: readonly InputSpec[], values: FormValues): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const i of inputs) {
    const v = values[i.name];
    if (typeof v === 'boolean') {
      if (v !== (i.default === true)) out[i.name] = v;
      continue;
    }
    if (v === undefined || v === '') continue;
    if (!i.secret && i.default !== undefined && String(i.default) === v) continue;
    const n = Number(v);
    out[i.name] = (i.type === 'integer' || i.type === 'number') && v.trim() !== '' && Number.isFinite(n) ? n : v;
  }
  return out;
}

/** The instance name `aisle get` gives a component: its name without the organization's scope. */
export function instanceName(component: string): string {
  return component.slice(component.lastIndexOf('/') + 1);
}
