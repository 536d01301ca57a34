import { manifestTemplates, parseTemplate } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord, own } from '../shape-guards.js';

// Inside a manifest a template may name the instance's own inputs, its host and its name.
const OWN_VALUES = new Set(['host', 'name']);

/**
 * Every `${{ … }}` in env, command, args, outputs, volume sizes, ports and the health
 * check names something that exists: `inputs.NAME` of a declared input, `host` or
 * `name`. Ports must name integer inputs, volume sizes string ones.
 */
export const referencesResolve: ManifestRule = {
  name: 'references-resolve',
  description: 'every ${{ … }} reference names a declared input, host or name',
  check(manifest) {
    const properties = asRecord(manifest.spec?.inputs)?.properties;
    const findings: RuleFinding[] = [];
    for (const field of manifestTemplates(manifest)) {
      const parsed = parseTemplate(field.template);
      for (const message of parsed.errors) findings.push({ path: field.path, message });
      for (const segment of parsed.segments) {
        if (segment.kind !== 'ref') continue;
        const [head, ...rest] = segment.ref;
        if (OWN_VALUES.has(head!) && rest.length === 0) continue;
        if (head !== 'inputs' || rest.length !== 1) {
          findings.push({
            path: field.path,
            message: `"${segment.source}" refers to nothing a component knows; use \${{ inputs.NAME }}, \${{ host }} or \${{ name }}`,
          });
          continue;
        }
        const input = asRecord(own(properties, rest[0]!));
        if (!input) {
          findings.push({ path: field.path, message: `"${segment.source}" names the input "${rest[0]}", which is not declared` });
        } else if (field.kind === 'port' && input.type !== 'integer') {
          findings.push({ path: field.path, message: `"${segment.source}" must name an integer input to be a port` });
        } else if (field.kind === 'volume-size' && input.type !== 'string') {
          findings.push({ path: field.path, message: `"${segment.source}" must name a string input to be a volume size` });
        }
      }
    }
    return findings;
  },
};
