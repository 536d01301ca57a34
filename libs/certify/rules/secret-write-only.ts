import type { ManifestRule } from '../lint-rule.js';
import { looksSecret } from '../secret-inputs.js';
import { asRecord, entriesOf } from '../shape-guards.js';

/** An input whose name reads like a secret (password, token, key, secret) is `writeOnly`. */
export const secretWriteOnly: ManifestRule = {
  name: 'secret-write-only',
  description: 'every input named like a password, token, key or secret is writeOnly',
  check(manifest) {
    return entriesOf(asRecord(manifest.spec?.inputs)?.properties)
      .filter(([name, p]) => looksSecret(name) && asRecord(p)?.writeOnly !== true)
      .map(([name]) => ({
        path: `spec.inputs.properties.${name}.writeOnly`,
        message: `"${name}" looks like a secret; declare it writeOnly: true so it is never echoed`,
      }));
  },
};
