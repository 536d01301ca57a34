import { shownValue } from '../../diagnostics/index.js';
import type { ManifestRule } from '../lint-rule.js';
import { asList, asRecord } from '../shape-guards.js';

/** The promise of the store: about five variables get you the component. */
export const MAX_REQUIRED_INPUTS = 5;

/** At most five inputs are required; everything else has a default or is generated. */
export const requiredInputs: ManifestRule = {
  name: 'required-inputs',
  description: `at most ${MAX_REQUIRED_INPUTS} inputs are required`,
  check(manifest) {
    const required = asList(asRecord(manifest.spec?.inputs)?.required);
    if (required.length <= MAX_REQUIRED_INPUTS) return [];
    return [
      {
        path: 'spec.inputs.required',
        message: `requires ${required.length} inputs (${required.map(shownValue).join(', ')}); at most ${MAX_REQUIRED_INPUTS} may be required, give the rest defaults`,
      },
    ];
  },
};
