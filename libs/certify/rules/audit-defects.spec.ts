import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, type ComponentManifest } from '../../manifest/index.js';
import { lintManifest } from '../lint-manifest.js';
import { healthAfterInit } from './health-after-init.js';
import { imageRepository } from './image-repository.js';
import { kafkaHostListener } from './kafka-host-listener.js';
import { memoryInputBounded } from './memory-input-bounded.js';
import { secretPastedUnescaped } from './secret-pasted-unescaped.js';

const catalog = join(__dirname, '../../../catalog');

function shipped(version: string): ComponentManifest {
  const parsed = parseManifest(readFileSync(join(catalog, version, 'component.yaml'), 'utf8'), version);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.value!;
}

// Issue 13: each audit defect, the published version it was found in, the rule that now
// finds it there, and the version that fixes it.
const DEFECTS: Array<[string, string, string, string, string]> = [
  ['1. a quote or backslash in a MySQL password', 'mysql/8.4.0', 'secret-pasted-unescaped', 'spec.inputs.properties.password', 'mysql/8.4.1'],
  ['1. the same for the root password', 'mysql/8.4.0', 'secret-pasted-unescaped', 'spec.inputs.properties.rootPassword', 'mysql/8.4.1'],
  ['2. MongoDB healthy during first-run init', 'mongodb/8.0.0', 'health-after-init', 'spec.runtime.health.command', 'mongodb/8.0.1'],
  ["3. Redis 8's modules not loaded", 'redis/8.2.0', 'entrypoint-kept', 'spec.runtime.command', 'redis/8.2.1'],
  ['4. Redis writes dump.rdb with persistence off', 'redis/8.2.0', 'snapshot-schedule', 'spec.runtime.command', 'redis/8.2.1'],
  ['4. Valkey writes dump.rdb with persistence off', 'valkey/8.0.0', 'snapshot-schedule', 'spec.runtime.command', 'valkey/8.0.1'],
  ['4. Redis maxMemory above the container limit', 'redis/8.2.0', 'memory-input-bounded', 'spec.inputs.properties.maxMemory.pattern', 'redis/8.2.1'],
  ['4. Valkey maxMemory above the container limit', 'valkey/8.0.0', 'memory-input-bounded', 'spec.inputs.properties.maxMemory.pattern', 'valkey/8.0.1'],
  ['5. Kafka unreachable from the host', 'kafka/4.2.0', 'kafka-host-listener', 'spec.runtime.env.KAFKA_ADVERTISED_LISTENERS', 'kafka/4.2.1'],
  ['6. nginx serverName does nothing', 'nginx/1.30.0', 'env-read-by-image', 'spec.runtime.env.NGINX_HOST', 'nginx/1.30.1'],
  ['6. Caddy declares an unserved 443', 'caddy/2.11.0', 'served-ports', 'spec.runtime.ports.1', 'caddy/2.11.1'],
  ['6. Valkey sets VALKEYCLI_AUTH, which valkey-cli 8.0 does not read', 'valkey/8.0.0', 'env-read-by-image', 'spec.runtime.env.VALKEYCLI_AUTH', 'valkey/8.0.1'],
  ["(found on the way) Valkey's command bypasses its entrypoint's umask", 'valkey/8.0.0', 'entrypoint-kept', 'spec.runtime.command', 'valkey/8.0.1'],
];

describe('the issue 13 audit defects', () => {
  it.each(DEFECTS)('%s: found in %s by %s, fixed in the next version', (_, defective, rule, path, fixed) => {
    expect(lintManifest(shipped(defective)).map((d) => `${d.rule} ${d.path}`)).toContain(`${rule} ${path}`);
    // The fixes were published before issue 9's pattern-message rule; they are superseded in turn by versions
    // whose patterns carry messages, and only that later rule may find anything in them.
    expect(lintManifest(shipped(fixed)).filter((d) => d.rule !== 'pattern-message')).toEqual([]);
  });
});

const manifest = (image: Record<string, unknown>, runtime: Record<string, unknown>, properties: Record<string, unknown> = {}) =>
  ({ spec: { image, inputs: { type: 'object', properties }, runtime } }) as unknown as ComponentManifest;

describe('the audit rules on other shapes', () => {
  it.each([
    ['mysql', 'docker.io/library/mysql'],
    ['library/mysql', 'docker.io/library/mysql'],
    ['valkey/valkey', 'docker.io/valkey/valkey'],
    ['quay.io/keycloak/keycloak', 'quay.io/keycloak/keycloak'],
    ['localhost:5000/app', 'localhost:5000/app'],
  ])('reads the image %s as %s', (repository, full) => {
    expect(imageRepository(manifest({ repository, tag: '1.0' }, {}))).toBe(full);
  });

  it.each([
    ['MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysqladmin ping -h 127.0.0.1 -u root --silent', true],
    ['mysqladmin ping --protocol=tcp', true],
    ['mysqladmin ping -h localhost', false],
    ['mysqladmin ping', false],
  ])('mysql health %s passes only after init: %s', (command, ok) => {
    expect(healthAfterInit.check(manifest({ repository: 'mysql', tag: '8.4' }, { health: { command } })).length === 0).toBe(ok);
  });

  it.each([
    ['mongosh --eval "db.adminCommand(\'ping\')"', false],
    ['mongosh --host 127.0.0.1 --eval x', false],
    ['mongosh "mongodb://localhost:27017/admin" --eval x', false],
    ['mongosh --host "$(hostname -i | cut -d \' \' -f 1)" --eval x', true],
    ['mongosh "mongodb://db.internal:27017" --eval x', true],
  ])('mongo health %s passes only after init: %s', (command, ok) => {
    expect(healthAfterInit.check(manifest({ repository: 'docker.io/library/mongo', tag: '8.0' }, { health: { command } })).length === 0).toBe(ok);
  });

  it.each([
    ['no pattern', undefined, ['a space', 'a tab', '"*"', '"?"', '"["']],
    ['a pattern that allows blanks', '^[^*?\\[]+$', ['a space', 'a tab']],
    ['a pattern that allows globs', '^[!-~]+$', ['"*"', '"?"', '"["']],
    ['letters, digits and safe punctuation', '^[A-Za-z0-9_.@%+=:,~!][A-Za-z0-9_.@%+=:,~!-]*$', []],
  ])('an Artemis password with %s: the refused characters it still lets through are named', (_, pattern, named) => {
    const password = { type: 'string', writeOnly: true, minLength: 12, ...(pattern === undefined ? {} : { pattern }) };
    const found = secretPastedUnescaped.check(
      manifest({ repository: 'apache/activemq-artemis', tag: '2.44.0-alpine' }, { env: { ARTEMIS_PASSWORD: '${{ inputs.password }}' } }, { password }),
    );
    if (named.length === 0) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain('`artemis create` command line');
      for (const character of named) expect(found[0]!.message).toContain(character);
    }
  });

  it('bounds integer memory inputs (megabytes) by the limit, as memcached does', () => {
    const limits = { resources: { limits: { memory: '1Gi' } } };
    expect(memoryInputBounded.check(manifest({ repository: 'memcached', tag: '1.6' }, limits, { memoryLimit: { type: 'integer', maximum: 768 } }))).toEqual([]);
    expect(
      memoryInputBounded.check(manifest({ repository: 'memcached', tag: '1.6' }, limits, { memoryLimit: { type: 'integer', maximum: 1024 } }))[0]?.path,
    ).toBe('spec.inputs.properties.memoryLimit.maximum');
    expect(memoryInputBounded.check(manifest({ repository: 'memcached', tag: '1.6' }, limits, { memoryLimit: { type: 'integer' } }))).toHaveLength(1);
  });

  it('accepts a Kafka broker that publishes nothing, and one advertising 127.0.0.1 on a published port', () => {
    const env = { KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://${{ host }}:9092' };
    expect(kafkaHostListener.check(manifest({ repository: 'apache/kafka', tag: '4.2.0' }, { env, ports: [{ name: 'kafka', port: 9092 }] }))).toEqual([]);
    const both = { KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://${{ host }}:19092,EXTERNAL://127.0.0.1:29092' };
    expect(
      kafkaHostListener.check(manifest({ repository: 'apache/kafka', tag: '4.2.0' }, { env: both, ports: [{ name: 'kafka', port: 29092, expose: true }] })),
    ).toEqual([]);
    expect(
      kafkaHostListener.check(manifest({ repository: 'apache/kafka', tag: '4.2.0' }, { env: both, ports: [{ name: 'kafka', port: 19092, expose: true }] })),
    ).toHaveLength(1);
  });
});
