import { describe, expect, it } from 'vitest';
import { runInOwnTurn } from './run-in-own-turn.js';

describe('runInOwnTurn', () => {
  it('runs steps queued together in turns of their own, letting timers and I/O in between, in order', async () => {
    const seen: string[] = [];
    const steps = [runInOwnTurn(() => seen.push('a')), runInOwnTurn(() => seen.push('b')), runInOwnTurn(() => seen.push('c'))];
    // A timer due at once, queued after the steps: it must not wait for all three.
    setTimeout(() => seen.push('timer'), 0);
    await Promise.all(steps);
    expect(seen.filter((s) => s !== 'timer')).toEqual(['a', 'b', 'c']);
    expect(seen.indexOf('timer')).toBeLessThan(seen.indexOf('c'));
  });

  it('passes on what a step throws, and keeps going', async () => {
    await expect(
      runInOwnTurn(() => {
        throw new Error('bad input');
      }),
    ).rejects.toThrow('bad input');
    await expect(runInOwnTurn(() => 42)).resolves.toBe(42);
  });
});
