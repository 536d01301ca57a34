import { describe, expect, it } from 'vitest';
import { resolveVersion } from './resolve-version.js';

const versions = [
  { version: '16.4.0' },
  { version: '16.10.0' },
  { version: '16.11.0', deprecated: 'broken init script' },
  { version: '17.0.0' },
  { version: '17.1.0-rc.1' },
  { version: '18.0.0', deprecated: 'withdrawn' },
];

describe('resolveVersion', () => {
  it.each<[string, string | null, boolean]>([
    ['*', '17.0.0', false],
    ['^16', '16.10.0', false],
    ['16.x', '16.10.0', false],
    ['~16.4', '16.4.0', false],
    ['16.4.0', '16.4.0', false],
    ['>=16 <17', '16.10.0', false],
    ['^17', '17.0.0', false],
    ['^17.1.0-rc.0', '17.1.0-rc.1', false],
    ['16.11.0', '16.11.0', true],
    ['^18', '18.0.0', true],
    ['^19', null, false],
    ['<16', null, false],
  ])('%s → %s', (range, expected, deprecatedOnly) => {
    const r = resolveVersion(versions, range);
    if (expected === null) {
      expect(r).toEqual({ ok: false, available: ['18.0.0', '17.1.0-rc.1', '17.0.0', '16.11.0', '16.10.0', '16.4.0'] });
    } else {
      expect(r).toMatchObject({ ok: true, chosen: { version: expected }, deprecatedOnly });
    }
  });
});
