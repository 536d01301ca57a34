import { describe, expect, it } from 'vitest';
import type { ComponentManifest } from '../manifest/index.js';
import { upgradeStep } from './upgrade-step.js';

const v = (version: string, upgrade?: ComponentManifest['upgrade']) => ({ version, manifest: { upgrade } as ComponentManifest });

describe('upgradeStep', () => {
  it('without an upgrade block: the same major only', () => {
    expect(upgradeStep(v('16.10.0'), v('16.15.0'))).toEqual({ kind: 'supported', migrations: [], data: [] });
    expect(upgradeStep(v('16.10.0'), v('17.6.0'))).toMatchObject({ kind: 'unsupported', reason: expect.stringContaining('another major') });
  });

  it('with one: its from range, and the migrations and data notes whose own range matches', () => {
    const to = v('18.1.0', {
      from: '>=17.0.0 <18.0.0',
      migrations: [{ rename: { input: 'a', to: 'b' } }, { from: '<17.2.0', drop: { input: 'c' } }],
      data: [{ note: 'pg_upgrade' }],
    });
    expect(upgradeStep(v('17.6.0'), to)).toEqual({ kind: 'supported', migrations: [{ rename: { input: 'a', to: 'b' } }], data: [{ note: 'pg_upgrade' }] });
    expect(upgradeStep(v('17.1.0'), to)).toMatchObject({ kind: 'supported', migrations: [{}, { drop: { input: 'c' } }] });
    expect(upgradeStep(v('16.10.0'), to)).toMatchObject({ kind: 'unsupported', reason: expect.stringContaining('only from >=17.0.0 <18.0.0') });
  });

  it('never goes back, and the same version is no step', () => {
    expect(upgradeStep(v('8.4.1'), v('8.4.0'))).toMatchObject({ kind: 'unsupported', reason: expect.stringContaining('rollback') });
    expect(upgradeStep(v('8.4.1'), v('8.4.1'))).toEqual({ kind: 'same' });
  });
});
