import type { ResolvedInstance, ResolvedValue } from '../../composition/resolved-app.js';
import { parameterName } from './template-parameters.js';

/**
 * A value written with `${PARAMETER}` where it comes from an input, so `oc process` fills
 * in what the user gives. An input passed through `urlencode` is a parameter only while
 * encoding leaves its value alone (a generated secret's alphabet does); else the value is
 * written as composed.
 */
export function parameterize(value: ResolvedValue, app: ReadonlyMap<string, ResolvedInstance>): string {
  let out = '';
  for (const part of value.parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'host' || part.kind === 'name') out += part.instance;
    else {
      const source = app.get(part.instance);
      const raw = String(source?.inputs[part.input] ?? '');
      const generated = source?.generatedInputs.includes(part.input) ?? false;
      const safe = part.filters.length === 0 || (generated ? /^[a-zA-Z0-9_-]*$/.test(raw) : encodeURIComponent(raw) === raw);
      if (!safe) return value.value;
      out += `\${${parameterName(part.instance, part.input)}}`;
    }
  }
  return out;
}
