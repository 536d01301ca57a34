import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, type ComponentVersion } from '../libs/catalog/index.js';

// The maintained upstream lines of each shipped component and the newest patch of each, as
// docker-library/official-images lists them in `library/<image>` at 37079fb (2026-08-21): the
// first version tag of each `Tags:` line (the Aisle reference sheet official-image-lines.md
// copies that table). Kafka is published by the Apache Kafka project, not a Docker Official
// Image: its lines come from kafka.apache.org/39 and /44 getting-started/docker. A line left
// out here is no longer built upstream (MySQL 8.0, RabbitMQ 3.13): it would get no fixes.
// When upstream publishes a newer patch, raise the number here and ship a catalog version.
const LINES: Readonly<Record<string, readonly string[]>> = {
  postgresql: ['18.6', '17.11', '16.15', '15.19', '14.24'],
  redis: ['8.10.1', '8.8.2', '8.6.6', '8.4.6', '8.2.9', '7.4.11', '7.2.16', '6.2.24'],
  mysql: ['26.7.0', '9.7.2', '8.4.11'],
  mariadb: ['12.3.2', '11.8.8', '11.4.12', '10.11.18', '10.6.28'],
  mongodb: ['8.3.8', '8.0.29', '7.0.40'],
  rabbitmq: ['4.3.5', '4.2.9', '4.1.8', '4.0.9'],
  nats: ['2.14.5', '2.12.15'],
  nginx: ['1.31.4', '1.30.4'],
  httpd: ['2.4.68'],
  caddy: ['2.11.4'],
  memcached: ['1.6.45'],
  registry: ['3.1.1'],
  kafka: ['4.4.0', '3.9.1'],
};

/** The line a newest-patch tag belongs to: PostgreSQL's lines are majors, the others' major.minor. */
function lineOf(component: string, newest: string): string {
  const parts = newest.split('.');
  return component === 'postgresql' ? parts[0]! : parts.slice(0, 2).join('.');
}

/** The numbers of an image tag's version, without its variant ("4.3.5-management" → [4, 3, 5]). */
function tagNumbers(tag: string): number[] {
  const version = /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1];
  return version === undefined ? [] : version.split('.').map(Number);
}

/** True when `a` names the same release as `b` or a later one; a shorter tag (a moving "8.2") never counts. */
function atLeast(a: readonly number[], b: readonly number[]): boolean {
  if (a.length < b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

const root = join(__dirname, '..');
const { index } = loadCatalog(join(root, 'catalog'));
const live = (name: string): ComponentVersion[] => index.versions(name).filter((v) => !v.deprecated);
const tagOf = (v: ComponentVersion) => String((v.manifest.spec.image as { tag?: unknown }).tag ?? '');

describe('version lines in the shipped catalog', () => {
  const cases = Object.entries(LINES).flatMap(([name, patches]) => patches.map((newest) => [name, lineOf(name, newest), newest] as const));

  it.each(cases)('%s %s has a live version pinned to %s or newer', (name, line, newest) => {
    const inLine = live(name).filter((v) => tagOf(v) === line || tagOf(v).startsWith(`${line}.`) || tagOf(v).startsWith(`${line}-`));
    const pinned = inLine.filter((v) => atLeast(tagNumbers(tagOf(v)), tagNumbers(newest)));
    expect(
      pinned.map((v) => v.version),
      `${name} ${line}: live versions pin ${inLine.map((v) => `${v.version} → ${tagOf(v)}`).join(', ') || 'nothing'}`,
    ).not.toEqual([]);
  });

  it('reads a line and a tag as the reference means them', () => {
    expect(lineOf('postgresql', '18.6')).toBe('18');
    expect(lineOf('redis', '8.10.1')).toBe('8.10');
    expect(tagNumbers('4.3.5-management')).toEqual([4, 3, 5]);
    expect(tagNumbers('v3.5.0')).toEqual([3, 5, 0]);
    expect(atLeast([16, 15], [16, 15])).toBe(true);
    expect(atLeast([16, 10], [16, 15])).toBe(false);
    expect(atLeast([8, 2], [8, 2, 9])).toBe(false);
    expect(atLeast([8, 10, 1], [8, 8, 2])).toBe(true);
  });

  it('keeps the input contract within a line: a new line may change it, a patch may not', () => {
    // input-contract-semver checks majors; within one line every live version offers the same inputs.
    for (const [name, patches] of Object.entries(LINES)) {
      for (const newest of patches) {
        const line = lineOf(name, newest);
        const inputs = live(name)
          .filter((v) => tagOf(v).startsWith(`${line}.`) || tagOf(v).startsWith(`${line}-`))
          .map((v) =>
            Object.keys(v.manifest.spec.inputs.properties ?? {})
              .sort()
              .join(','),
          );
        expect(new Set(inputs).size, `${name} ${line}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
