import { describe, expect, it } from 'vitest';
import type { ComponentManifest } from '../../manifest/index.js';
import { healthAfterInit } from './health-after-init.js';
import { secretPastedUnescaped } from './secret-pasted-unescaped.js';

// Issue 13, the data shelves: the entrypoint behaviours of the images added there that a
// rule can see (temporary servers during first start, values pasted into files or SQL).

const manifest = (repository: string, runtime: Record<string, unknown>, properties: Record<string, unknown> = {}) =>
  ({ spec: { image: { repository, tag: '1.0' }, inputs: { type: 'object', properties }, runtime } }) as unknown as ComponentManifest;

const health = (repository: string, command: string) => healthAfterInit.check(manifest(repository, { health: { command } }));

describe('health-after-init on the PostgreSQL images (socket-only temporary server)', () => {
  it.each([
    ['pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB"', false],
    ['pg_isready -h /var/run/postgresql', false],
    ['psql -c "select 1"', false],
    ['pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB" -h 127.0.0.1', true],
    ['pg_isready --host=localhost', true],
  ])('%s passes only after init: %s', (command, ok) => {
    for (const repository of ['postgres', 'docker.io/library/postgres', 'pgvector/pgvector']) {
      expect(health(repository, command).length === 0, `${repository}: ${command}`).toBe(ok);
    }
  });

  it('says why and what to do', () => {
    expect(health('pgvector/pgvector', 'pg_isready')[0]).toEqual({
      path: 'spec.runtime.health.command',
      message: expect.stringContaining('check over TCP (pg_isready -h 127.0.0.1)'),
    });
  });
});

describe('health-after-init on ClickHouse (temporary server on 127.0.0.1 while the database is created)', () => {
  it.each([
    ['wget -q -O /dev/null http://127.0.0.1:8123/ping', false],
    ['wget --spider -q http://localhost:8123/ping', false],
    ['curl -fsS http://[::1]:8123/ping', false],
    ['clickhouse-client --query "SELECT 1"', false],
    ['clickhouse client --host 127.0.0.1 -q "SELECT 1"', false],
    ['wget -q -O /dev/null "http://$(hostname):8123/ping"', true],
    ['clickhouse-client --host "$(hostname -i)" -q "SELECT 1"', true],
  ])('%s passes only after init: %s', (command, ok) => {
    expect(health('clickhouse', command).length === 0).toBe(ok);
  });
});

describe('secret-pasted-unescaped on ClickHouse and CouchDB', () => {
  const clickhouse = (properties: Record<string, unknown>) =>
    secretPastedUnescaped.check(
      manifest(
        'clickhouse',
        { env: { CLICKHOUSE_USER: '${{ inputs.username }}', CLICKHOUSE_PASSWORD: '${{ inputs.password }}', CLICKHOUSE_DB: '${{ inputs.database }}' } },
        properties,
      ),
    );

  it('asks the password to refuse what breaks the XML file, and the names to be identifiers', () => {
    const findings = clickhouse({
      username: { type: 'string', pattern: '^[A-Za-z0-9 ]+$' },
      password: { type: 'string', minLength: 12 },
      database: { type: 'string', pattern: '^[A-Za-z0-9-]+$' },
    });
    expect(findings.map((f) => f.path)).toEqual([
      'spec.inputs.properties.password',
      'spec.inputs.properties.username.pattern',
      'spec.inputs.properties.database.pattern',
    ]);
    expect(findings[0]!.message).toContain('must refuse "<" and "&"');
    expect(findings[1]!.message).toContain('a space');
  });

  it('accepts patterns that refuse those characters', () => {
    const identifier = { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]{0,62}$' };
    expect(clickhouse({ username: identifier, database: identifier, password: { type: 'string', minLength: 12, pattern: '^[^<>&\\s]+$' } })).toEqual([]);
  });

  it('asks CouchDB credentials to refuse line breaks and ini syntax', () => {
    const check = (pattern: string) =>
      secretPastedUnescaped.check(manifest('couchdb', { env: { COUCHDB_PASSWORD: '${{ inputs.password }}' } }, { password: { type: 'string', pattern } }));
    expect(check('^[^;]+$')[0]!.message).toContain('a line break');
    expect(check('^[A-Za-z0-9_.~!@#%^*+,:?-]+$')).toEqual([]);
  });

  it('asks the Neo4j password to refuse the "/" NEO4J_AUTH is split at', () => {
    const check = (pattern: string) =>
      secretPastedUnescaped.check(manifest('neo4j', { env: { NEO4J_AUTH: 'neo4j/${{ inputs.password }}' } }, { password: { type: 'string', pattern } }));
    expect(check('^\\S+$')).toEqual([{ path: 'spec.inputs.properties.password.pattern', message: expect.stringContaining('splits NEO4J_AUTH at "/"') }]);
    expect(check('^[^/\\s]+$')).toEqual([]);
  });

  it('asks the OpenSearch admin password to refuse line breaks, which would inject settings', () => {
    const check = (pattern?: string) =>
      secretPastedUnescaped.check(
        manifest(
          'opensearchproject/opensearch',
          { env: { OPENSEARCH_INITIAL_ADMIN_PASSWORD: 'Os1-${{ inputs.adminPassword }}' } },
          {
            adminPassword: { type: 'string', minLength: 16, ...(pattern === undefined ? {} : { pattern }) },
          },
        ),
      );
    expect(check()[0]!.message).toContain('must refuse a line break');
    expect(check('^[^\\r\\n]+$')).toEqual([]);
  });

  it('asks Weaviate keys and users to refuse the commas their lists are split at', () => {
    const env = { AUTHENTICATION_APIKEY_ALLOWED_KEYS: '${{ inputs.apiKey }}', AUTHORIZATION_ADMINLIST_USERS: '${{ inputs.username }}' };
    const check = (pattern: string) =>
      secretPastedUnescaped.check(
        manifest('cr.weaviate.io/semitechnologies/weaviate', { env }, { apiKey: { type: 'string', pattern }, username: { type: 'string', pattern } }),
      );
    expect(check('^[^\\s]+$').map((f) => f.path)).toEqual(['spec.inputs.properties.apiKey.pattern', 'spec.inputs.properties.username.pattern']);
    expect(check('^[A-Za-z0-9_.~-]+$')).toEqual([]);
  });

  it('asks Cassandra settings to refuse what breaks the sed expression and the YAML they are pasted into', () => {
    const check = (pattern: string) =>
      secretPastedUnescaped.check(
        manifest('cassandra', { env: { CASSANDRA_CLUSTER_NAME: '${{ inputs.clusterName }}' } }, { clusterName: { type: 'string', pattern } }),
      );
    expect(check('^[A-Za-z0-9 /]+$')[0]!.message).toContain('must refuse "/"');
    expect(check('^[A-Za-z0-9][A-Za-z0-9_-]{0,47}$')).toEqual([]);
  });
});
