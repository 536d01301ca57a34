import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeBundlePath, writeBundle } from './write-bundle.js';

describe('writeBundle', () => {
  it.each(['../x', '/etc/passwd', 'a/../../x', 'a//b', './a', '', 'a\\..\\b'])('refuses %j', (path) => {
    expect(isSafeBundlePath(path)).toBe(false);
    const root = mkdtempSync(join(tmpdir(), 'aisle-wb-'));
    expect(() => writeBundle(join(root, 'out'), [{ path: 'ok.txt', content: 'x' }, { path, content: 'x' }])).toThrow(/refusing/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('writes files with their modes and leaves no staging folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-wb-'));
    writeBundle(join(root, 'out'), [
      { path: '.env', content: 'A=1\n', mode: 0o600 },
      { path: 'templates/db/x.yaml', content: 'a: 1\n' },
    ]);
    expect(readdirSync(root)).toEqual(['out']);
    expect(statSync(join(root, 'out/.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, 'out/templates/db/x.yaml'), 'utf8')).toBe('a: 1\n');
  });

  it('does not follow a symlinked sub-folder out of the bundle', () => {
    const root = mkdtempSync(join(tmpdir(), 'aisle-wb-'));
    mkdirSync(join(root, 'out'));
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'out/templates'));
    expect(() => writeBundle(join(root, 'out'), [{ path: 'templates/x.yaml', content: 'x' }])).toThrow(/leads outside/);
    expect(existsSync(join(root, 'elsewhere/x.yaml'))).toBe(false);
  });
});
