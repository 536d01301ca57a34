import type { ManifestRule } from '../lint-rule.js';
import { asList, asRecord, entriesOf } from '../shape-guards.js';

/**
 * Every optional input has a default or is a generated secret, so a template never
 * meets a missing value and a user can leave it out.
 */
export const inputsDefaulted: ManifestRule = {
  name: 'inputs-defaulted',
  description: 'every input that is not required has a default or is generated',
  check(manifest) {
    const inputs = asRecord(manifest.spec?.inputs);
    const required = new Set(asList(inputs?.required));
    return entriesOf(inputs?.properties)
      .filter(([name, p]) => !required.has(name) && asRecord(p)?.default === undefined && asRecord(p)?.['x-aisle-generate'] === undefined)
      .map(([name]) => ({
        path: `spec.inputs.properties.${name}`,
        message: 'is optional but has no default and is not generated; give it a default or make it required',
      }));
  },
};
