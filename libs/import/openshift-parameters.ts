import type { ImportedParameter, Segment } from './imported-app.js';
import { splitReferences } from './segments.js';
import { asArray, asObject, asText, type Obj } from './source-helpers.js';

/** A Template's `parameters`, as the importers' variables. */
export function templateParameters(doc: Obj): Map<string, ImportedParameter> {
  const parameters = new Map<string, ImportedParameter>();
  for (const p of asArray(doc.parameters)) {
    const o = asObject(p);
    const name = asText(o?.name);
    if (!o || !name) continue;
    const from = asText(o.from);
    const generated = o.generate === 'expression';
    const description = [asText(o.displayName), asText(o.description)].filter(Boolean).join(': ');
    parameters.set(name, {
      name,
      required: o.required === true,
      ...(description ? { description } : {}),
      ...(asText(o.value) !== undefined ? { default: asText(o.value) } : {}),
      ...(generated ? { generate: from && /^\[a-f0-9\]\{[0-9]+\}$|^\[0-9a-f\]\{[0-9]+\}$/.test(from) ? 'hex' : 'password' } : {}),
      ...(generated && from ? { description: `${description || name} (OpenShift generated it from the expression ${from})` } : {}),
    });
  }
  return parameters;
}

/** `${NAME}` and `${{NAME}}` references to declared parameters, as segments. */
export function templateSegments(text: string, parameters: ReadonlyMap<string, ImportedParameter>): Segment[] {
  return splitReferences(text, /\$\{\{?([A-Za-z0-9_]+)\}?\}/g, (name) => parameters.has(name));
}
