import semver from 'semver';
import { error, type Diagnostic } from '../diagnostics/index.js';

export interface ComponentRef {
  name: string;
  /** A semver range; `*` when none was given. */
  range: string;
}

/** Splits `NAME[@RANGE]` and checks that the range is a valid semver range. */
export function parseComponentRef(text: string, path = ''): { ref?: ComponentRef; diagnostics: Diagnostic[] } {
  const at = text.indexOf('@');
  const name = (at < 0 ? text : text.slice(0, at)).trim();
  const range = at < 0 ? '*' : text.slice(at + 1).trim();
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    return { diagnostics: [error('REFERENCE_INVALID', path, `"${text}" is not a component reference like postgresql or postgresql@^16`)] };
  }
  if (range === '' || semver.validRange(range) === null) {
    return { diagnostics: [error('REFERENCE_INVALID', path, `"${range}" is not a valid semver range (try ^16, 16.x or 16.4.0)`)] };
  }
  return { ref: { name, range }, diagnostics: [] };
}
