import { manifestTemplates, parseTemplate } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { secretInputNames } from '../secret-inputs.js';

// Commands, args and probes end up in plain files (compose.yaml, Deployments); env is
// where renderers keep secrets apart (.env, Secrets).
const PLAIN_KINDS = new Set(['command', 'args', 'health-command', 'health-path', 'port', 'volume-size']);

/**
 * No secret input is referenced from command, args or the health check: pass it through
 * an env variable and let the shell expand it (`sh -c 'exec server --pass "$PASS"'`).
 */
export const noSecretInCommand: ManifestRule = {
  name: 'no-secret-in-command',
  description: 'no secret input is referenced from command, args or the health check (use env)',
  check(manifest) {
    const secrets = secretInputNames(manifest);
    const findings: RuleFinding[] = [];
    for (const field of manifestTemplates(manifest)) {
      if (!PLAIN_KINDS.has(field.kind)) continue;
      for (const segment of parseTemplate(field.template).segments) {
        if (segment.kind === 'ref' && segment.ref[0] === 'inputs' && secrets.has(segment.ref[1]!)) {
          findings.push({
            path: field.path,
            message: `refers to the secret input "${segment.ref[1]}", which would land in plain files; pass it through env and use "$VAR"`,
          });
        }
      }
    }
    return findings;
  },
};
