import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord, entriesOf } from '../shape-guards.js';

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * A shopper must know what a component is and under which license it ships: the
 * component, each input and each output carry a description, and a license is named.
 */
export const descriptionLicense: ManifestRule = {
  name: 'description-license',
  description: 'the component, its inputs and outputs are described, and its license is named',
  check(manifest) {
    const findings: RuleFinding[] = [];
    if (blank(manifest.metadata?.description)) findings.push({ path: 'metadata.description', message: 'is missing or empty' });
    if (blank(manifest.metadata?.license)) findings.push({ path: 'metadata.license', message: 'is missing or empty; name the SPDX license of the software' });
    for (const [name, p] of entriesOf(asRecord(manifest.spec?.inputs)?.properties)) {
      if (blank(asRecord(p)?.description)) findings.push({ path: `spec.inputs.properties.${name}.description`, message: 'is missing or empty' });
    }
    for (const [name, o] of entriesOf(manifest.spec?.outputs)) {
      if (blank(asRecord(o)?.description)) findings.push({ path: `spec.outputs.${name}.description`, message: 'is missing or empty' });
    }
    return findings;
  },
};
