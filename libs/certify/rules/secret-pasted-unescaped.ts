import { compileSafePattern, parseTemplate } from '../../manifest/index.js';
import type { ManifestRule, RuleFinding } from '../lint-rule.js';
import { asRecord, own } from '../shape-guards.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields } from './runtime-fields.js';

interface Pasting {
  variables: readonly string[];
  /** Characters the image's entrypoint does not escape where it pastes the value. */
  characters: readonly string[];
  where: string;
}

// Images whose entrypoint pastes a variable into SQL, a config file or a command line
// without escaping it. docker-library/mysql 8.4/docker-entrypoint.sh@6ea5fc5 lines 282,
// 290 and 317: `IDENTIFIED BY '$MYSQL_PASSWORD'`. MariaDB's entrypoint escapes (not
// listed). apache/activemq-artemis artemis-docker/docker-run.sh@6700541 builds
// CREATE_ARGUMENTS="--user ${ARTEMIS_USER} --password ${ARTEMIS_PASSWORD} …" and expands
// it unquoted, so the shell splits the value at blanks and expands * ? [ against files.
const PASTING: Readonly<Record<string, Pasting>> = {
  'docker.io/library/mysql': {
    variables: ['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD'],
    characters: ["'", '\\'],
    where: "the entrypoint pastes it into SQL unescaped (IDENTIFIED BY '…')",
  },
  'docker.io/apache/activemq-artemis': {
    variables: ['ARTEMIS_USER', 'ARTEMIS_PASSWORD'],
    characters: [' ', '\t', '*', '?', '['],
    where: 'the entrypoint pastes it unquoted into the `artemis create` command line, where the shell splits and expands it',
  },
};

const NAMES: Readonly<Record<string, string>> = { '\\': 'a backslash', "'": 'a single quote', ' ': 'a space', '\t': 'a tab' };
const shown = (c: string) => NAMES[c] ?? JSON.stringify(c);

/**
 * An input that reaches a variable the image pastes unescaped into SQL, a file or a
 * command line must refuse the characters that break out of it: its pattern is probed
 * with them.
 */
export const secretPastedUnescaped: ManifestRule = {
  name: 'secret-pasted-unescaped',
  description: 'an input the image pastes unescaped into SQL or a command line has a pattern refusing the characters that break it',
  check(manifest) {
    const repository = imageRepository(manifest);
    const pasting = repository === undefined ? undefined : PASTING[repository];
    if (!pasting) return [];
    const properties = asRecord(manifest.spec?.inputs)?.properties;
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const variable of pasting.variables) {
      const template = runtimeFields(manifest).env.get(variable);
      if (template === undefined) continue;
      for (const segment of parseTemplate(template).segments) {
        if (segment.kind !== 'ref' || segment.ref[0] !== 'inputs' || seen.has(segment.ref[1]!)) continue;
        const name = segment.ref[1]!;
        seen.add(name);
        const input = asRecord(own(properties, name));
        if (!input || input.type !== 'string') continue;
        const base = `spec.inputs.properties.${name}`;
        const accepted = acceptedCharacters(input, pasting.characters);
        if (accepted.length > 0) {
          findings.push({
            path: typeof input.pattern === 'string' ? `${base}.pattern` : base,
            message: `reaches ${variable}, and ${pasting.where}; its pattern must refuse ${accepted.map(shown).join(' and ')}`,
          });
        }
      }
    }
    return findings;
  },
};

/** The characters a value of this input may contain, probed on an otherwise valid value. */
function acceptedCharacters(input: Record<string, unknown>, characters: readonly string[]): string[] {
  if (typeof input.pattern !== 'string') return [...characters];
  const verdict = compileSafePattern(input.pattern);
  if ('problem' in verdict) return [];
  const length = Math.max(typeof input.minLength === 'number' ? input.minLength : 0, 16);
  const base = 'Aa0'.repeat(Math.ceil(length / 3)).slice(0, length);
  return characters.filter((c) => verdict.pattern.test(`${base.slice(1)}${c}`) || verdict.pattern.test(`${c}${base.slice(1)}`));
}
