import type { ManifestRule } from '../lint-rule.js';
import { asRecord, entriesOf } from '../shape-guards.js';

/** A secret input has no default: a default password is a password everyone knows. */
export const secretNoDefault: ManifestRule = {
  name: 'secret-no-default',
  description: 'no secret (writeOnly) input carries a default value',
  check(manifest) {
    return entriesOf(asRecord(manifest.spec?.inputs)?.properties)
      .filter(([, p]) => asRecord(p)?.writeOnly === true && asRecord(p)?.default !== undefined)
      .map(([name]) => ({
        path: `spec.inputs.properties.${name}.default`,
        message: 'a secret must not have a default (published in every copy of the manifest); generate it instead',
      }));
  },
};
