import type { ManifestRule } from '../lint-rule.js';

/** A secret input has no default: a default password is a password everyone knows. */
export const secretNoDefault: ManifestRule = {
  name: 'secret-no-default',
  description: 'no secret (writeOnly) input carries a default value',
  check(manifest) {
    return Object.entries(manifest.spec?.inputs?.properties ?? {})
      .filter(([, p]) => p?.writeOnly === true && p.default !== undefined)
      .map(([name]) => ({ path: `spec.inputs.properties.${name}.default`, message: 'a secret must not have a default (published in every copy of the manifest); generate it instead' }));
  },
};
