import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord, entriesOf, own } from '../shape-guards.js';

const HOW = 'add the sentence people read instead of the pattern, e.g. "letters, digits and underscores, starting with a letter; at most 63"';

/**
 * Every input `pattern` says what it asks for in words (`x-aisle-pattern-message`): a person
 * whose value is refused reads that sentence, never the regular expression (issue 9). A
 * missing sentence fails certification; publishing only warns, as a registry takes an
 * uncertified chart with a lint warning.
 */
export const patternMessage: ManifestRule = {
  name: 'pattern-message',
  description: 'every input pattern carries x-aisle-pattern-message, the sentence people read instead of the regular expression',
  publishSeverity: 'warning',
  check(manifest) {
    const findings: RuleFinding[] = [];
    for (const [name, property] of entriesOf(asRecord(manifest.spec?.inputs)?.properties)) {
      const pattern = own(property, 'pattern');
      if (typeof pattern !== 'string') continue;
      const said = own(property, 'x-aisle-pattern-message');
      const base = `spec.inputs.properties.${name}`;
      if (typeof said !== 'string' || said.trim() === '') findings.push({ path: `${base}.pattern`, message: `has no x-aisle-pattern-message: ${HOW}` });
      else if (said.includes(pattern)) findings.push({ path: `${base}.x-aisle-pattern-message`, message: `repeats the pattern itself: ${HOW}` });
    }
    return findings;
  },
};
