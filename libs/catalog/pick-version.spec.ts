import { describe, expect, it } from 'vitest';
import { pickVersion } from './pick-version.js';

const versions = [{ version: '1.0.0' }, { version: '1.1.0', deprecated: 'broken' }, { version: '2.0.0-rc.1' }];

describe('pickVersion', () => {
  it.each<[string, string | undefined, string[]]>([
    ['*', '1.0.0', []],
    ['latest', '1.0.0', []],
    ['^1', '1.0.0', []],
    ['1.1.0', '1.1.0', ['VERSION_DEPRECATED']],
    ['^2.0.0-rc.0', '2.0.0-rc.1', []],
    ['^2', undefined, ['VERSION_UNSATISFIED']],
  ])('%s → %s', (range, expected, codes) => {
    const picked = pickVersion('x', versions, range, 'p');
    expect(picked.version?.version).toBe(expected);
    expect(picked.diagnostics.map((d) => d.code)).toEqual(codes);
  });

  it('gives a bare name the newest prerelease that is not deprecated when there is no stable version, else the newest', () => {
    expect(pickVersion('x', [{ version: '0.1.0-beta.1' }, { version: '0.2.0-beta.1', deprecated: 'no' }], 'latest', '').version?.version).toBe('0.1.0-beta.1');
    const all = pickVersion('x', [{ version: '1.0.0', deprecated: 'old' }, { version: '0.9.0', deprecated: 'older' }], '*', 'db.component');
    expect(all.version?.version).toBe('1.0.0');
    expect(all.diagnostics).toEqual([{ severity: 'warning', code: 'VERSION_DEPRECATED', path: 'db.component', message: 'x@1.0.0 is deprecated: old' }]);
  });

  it('names the versions that exist when nothing matches', () => {
    expect(pickVersion('x', versions, '^3', 'db.component').diagnostics[0]!.message).toBe('no version of x satisfies "^3"; available: 2.0.0-rc.1, 1.1.0, 1.0.0');
  });
});
