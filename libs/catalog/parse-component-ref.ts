import validRange from 'semver/ranges/valid';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { parseComponentName } from '../manifest/index.js';
import { LATEST_RANGES } from './pick-version.js';

export interface ComponentRef {
  /** `postgresql`, or `acme/vault` for a component in an organization's scope. */
  name: string;
  /** A semver range or `latest`; `*` when none was given. */
  range: string;
}

/** Splits `NAME[@RANGE]` (NAME possibly scoped, `acme/vault@^1`) and checks the name and the semver range. */
export function parseComponentRef(text: string, path = ''): { ref?: ComponentRef; diagnostics: Diagnostic[] } {
  const at = text.indexOf('@');
  const name = (at < 0 ? text : text.slice(0, at)).trim();
  const range = at < 0 ? '*' : text.slice(at + 1).trim();
  if (!parseComponentName(name)) {
    return { diagnostics: [error('REFERENCE_INVALID', path, `"${shown(text)}" is not a component reference like postgresql, postgresql@^16 or acme/vault@^1`)] };
  }
  if (range === '' || (validRange(range) === null && !LATEST_RANGES.includes(range))) {
    return { diagnostics: [error('REFERENCE_INVALID', path, `"${shown(range)}" is not a valid semver range (try ^16, 16.x, 16.4.0 or latest)`)] };
  }
  return { ref: { name, range }, diagnostics: [] };
}

// A reference is not secret, but a hostile one may be huge: the message quotes its start only.
function shown(text: string): string {
  return text.length > 120 ? `${text.slice(0, 100)}…` : text;
}
