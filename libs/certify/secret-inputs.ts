import type { ComponentManifest } from '../manifest/index.js';
import { asRecord, entriesOf } from './shape-guards.js';

// Words that make an input name look like it holds a secret (camelCase words, lower-cased).
const SECRET_WORDS = new Set(['password', 'passwd', 'pass', 'passphrase', 'token', 'secret', 'key', 'apikey', 'credential', 'credentials']);

/** True when an input's name reads like a secret: `password`, `adminToken`, `masterKey`, `secretKey`. */
export function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((w) => SECRET_WORDS.has(w));
}

/** Names of the inputs declared secret (`writeOnly: true`). */
export function secretInputNames(manifest: ComponentManifest): Set<string> {
  return new Set(
    entriesOf(asRecord(manifest.spec?.inputs)?.properties)
      .filter(([, p]) => asRecord(p)?.writeOnly === true)
      .map(([name]) => name),
  );
}
