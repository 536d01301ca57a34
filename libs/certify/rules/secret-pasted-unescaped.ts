import { compileSafePattern, parseTemplate, type ComponentManifest } from '../../manifest/index.js';
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
// without escaping it. docker-library/mysql 8.4/docker-entrypoint.sh@6ea5fc5 lines 282, 290 and 317:
// `IDENTIFIED BY '$MYSQL_PASSWORD'`. MariaDB's entrypoint escapes (not listed).
// ClickHouse/ClickHouse docker/server/entrypoint.sh@00b7432 writes users.d/default-user.xml
// with a heredoc (`<${CLICKHOUSE_USER}>`, `<password>${CLICKHOUSE_PASSWORD}</password>`) and
// runs `CREATE DATABASE IF NOT EXISTS $CLICKHOUSE_DB` unquoted. apache/couchdb-docker
// 3.5.1/docker-entrypoint.sh@4c82ee0 appends `printf "\n[admins]\n%s = %s\n"` (user and
// password) and `secret = %s` to local.d/docker.ini. neo4j/docker-neo4j
// docker-image-src/5/coredb/docker-entrypoint.sh@9df98ef line 308 splits NEO4J_AUTH with
// `^([^/]+)\/([^/]+)/?(true)?$`, so a password holding "/" stops the container.
// opensearch-project/opensearch-build docker/release/config/opensearch/
// opensearch-docker-entrypoint-3.x.sh@4372bf7 lines 83-93 read `env` line by line and turn
// each `a.b=value` line into an -E setting: a line break in a value injects settings.
// weaviate/weaviate usecases/config/environment.go@adcffc5 lines 387-407 split the API key,
// key user and admin lists at commas. docker-library/cassandra docker-entrypoint.sh@0e270a9
// writes CASSANDRA_CLUSTER_NAME, _DC, _RACK, ... with `sed -r 's/^(# )?(KEY:).*/\2 VALUE/'`
// into cassandra.yaml (and cassandra-rackdc.properties), unescaped and unquoted.
// apache/activemq-artemis artemis-docker/docker-run.sh@6700541 builds
// CREATE_ARGUMENTS="--user ${ARTEMIS_USER} --password ${ARTEMIS_PASSWORD} …" and expands
// it unquoted, so the shell splits the value at blanks and expands * ? [ against files.
const weaviateLists: Pasting = {
  variables: ['AUTHENTICATION_APIKEY_ALLOWED_KEYS', 'AUTHENTICATION_APIKEY_USERS', 'AUTHORIZATION_ADMINLIST_USERS'],
  characters: [','],
  where: 'the server splits that list at commas',
};

const PASTING: Readonly<Record<string, readonly Pasting[]>> = {
  'docker.io/library/mysql': [
    {
      variables: ['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD'],
      characters: ["'", '\\'],
      where: "the entrypoint pastes it into SQL unescaped (IDENTIFIED BY '…')",
    },
  ],
  'docker.io/apache/activemq-artemis': [
    {
      variables: ['ARTEMIS_USER', 'ARTEMIS_PASSWORD'],
      characters: [' ', '\t', '*', '?', '['],
      where: 'the entrypoint pastes it unquoted into the `artemis create` command line, where the shell splits and expands it',
    },
  ],
  'docker.io/library/clickhouse': [
    { variables: ['CLICKHOUSE_PASSWORD'], characters: ['<', '&'], where: 'the entrypoint pastes it into an XML file unescaped (<password>…</password>)' },
    { variables: ['CLICKHOUSE_USER'], characters: ['<', '>', '/', ' ', '&'], where: 'the entrypoint uses it as an XML element name' },
    { variables: ['CLICKHOUSE_DB'], characters: [' ', ';', '`', '-'], where: 'the entrypoint pastes it unquoted into CREATE DATABASE' },
  ],
  'docker.io/library/neo4j': [{ variables: ['NEO4J_AUTH'], characters: ['/'], where: 'the entrypoint splits NEO4J_AUTH at "/" (neo4j/PASSWORD)' }],
  'docker.io/opensearchproject/opensearch': [
    {
      variables: ['OPENSEARCH_INITIAL_ADMIN_PASSWORD'],
      characters: ['\n'],
      where: 'the entrypoint reads the environment line by line and turns lines such as "a.b=value" into settings',
    },
  ],
  'cr.weaviate.io/semitechnologies/weaviate': [weaviateLists],
  'docker.io/semitechnologies/weaviate': [weaviateLists],
  'docker.io/library/cassandra': [
    {
      variables: ['CASSANDRA_CLUSTER_NAME', 'CASSANDRA_DC', 'CASSANDRA_RACK', 'CASSANDRA_SEEDS', 'CASSANDRA_ENDPOINT_SNITCH'],
      characters: ['/', '&', '\\', '#', ':', '"', "'"],
      where: 'the entrypoint pastes it into a sed replacement and then unquoted into cassandra.yaml',
    },
  ],
  'docker.io/library/couchdb': [
    {
      variables: ['COUCHDB_USER', 'COUCHDB_PASSWORD', 'COUCHDB_SECRET'],
      characters: ['\n', ';', ' ', '='],
      where: 'the entrypoint appends it to an ini file unescaped (NAME = PASSWORD)',
    },
  ],
};

const NAMES: Readonly<Record<string, string>> = { '\\': 'a backslash', "'": 'a single quote', ' ': 'a space', '\t': 'a tab', '\n': 'a line break' };
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
    const pastings = repository === undefined ? undefined : PASTING[repository];
    if (!pastings) return [];
    const properties = asRecord(manifest.spec?.inputs)?.properties;
    const findings: RuleFinding[] = [];
    for (const pasting of pastings) findings.push(...pastedInputs(pasting, manifest, properties));
    return findings;
  },
};

/** Inputs reaching one pasted variable whose pattern lets a breaking character through. */
function pastedInputs(pasting: Pasting, manifest: ComponentManifest, properties: unknown): RuleFinding[] {
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
}

/** The characters a value of this input may contain, probed on an otherwise valid value. */
function acceptedCharacters(input: Record<string, unknown>, characters: readonly string[]): string[] {
  if (typeof input.pattern !== 'string') return [...characters];
  const verdict = compileSafePattern(input.pattern);
  if ('problem' in verdict) return [];
  const length = Math.max(typeof input.minLength === 'number' ? input.minLength : 0, 16);
  const base = 'Aa0'.repeat(Math.ceil(length / 3)).slice(0, length);
  return characters.filter((c) => verdict.pattern.test(`${base.slice(1)}${c}`) || verdict.pattern.test(`${c}${base.slice(1)}`));
}
