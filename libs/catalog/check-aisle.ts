import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import { AISLE_NAMES } from './aisles.js';

/**
 * `AISLE_UNKNOWN` at `path` when `aisle` is not one of the catalog's aisles (AISLES, plus
 * any `alsoKnown`, e.g. aisles a stored catalog already holds); the message suggests the
 * closest names, or lists them all when none is close.
 */
export function checkAisle(aisle: unknown, path: string, alsoKnown: Iterable<string> = []): Diagnostic[] {
  if (typeof aisle !== 'string') return [];
  const known = new Set([...AISLE_NAMES, ...alsoKnown]);
  if (known.has(aisle)) return [];
  const suggestion = didYouMean(aisle.slice(0, 100), known);
  const hint = suggestion || `; the aisles are ${[...known].sort().join(', ')}`;
  // An aisle is a public label, never a secret, so it is quoted back; a search argument can be long, so clipped.
  const shown = aisle.length > 40 ? `${aisle.slice(0, 40)}…` : aisle;
  return [error('AISLE_UNKNOWN', path, `there is no aisle named "${shown}"${hint}`)];
}
