import { describe, expect, it } from 'vitest';
import { parseLock } from './parse-lock.js';

const GOOD = `apiVersion: aisle.dev/v1
kind: Lock
app: a
target: compose
instances:
  db:
    component: mysql
    version: 8.4.0
    digest: sha256:${'a'.repeat(64)}
    image: mysql:8.4
    inputs:
      database: app
      password: { secret: true, ref: .env#X }
files:
  compose.yaml: sha256:${'b'.repeat(64)}
`;

describe('parseLock', () => {
  it('reads a lock', () => {
    expect(parseLock(GOOD).lock?.instances.db?.version).toBe('8.4.0');
  });

  it('names the instance and the field at fault', () => {
    const bad = GOOD.replace('version: 8.4.0', 'version: eight')
      .replace(`digest: sha256:${'a'.repeat(64)}`, 'digest: nope')
      .replace('database: app', 'database: [1]');
    expect(parseLock(bad).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['LOCK_INVALID', 'instances.db.version'],
      ['LOCK_INVALID', 'instances.db.digest'],
      ['LOCK_INVALID', 'instances.db.inputs.database'],
    ]);
  });

  it('refuses what is no lock, and text that does not parse', () => {
    expect(parseLock('kind: App\n').diagnostics[0]).toMatchObject({ code: 'LOCK_INVALID', path: 'aisle.lock' });
    expect(parseLock('a: [\n').diagnostics[0]?.code).toBe('YAML_SYNTAX');
  });
});
