import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it.each<[string | undefined, number]>([
    ['10s', 10],
    ['2m', 120],
    ['1h', 3600],
    ['1500ms', 2],
    ['0s', 0],
    [undefined, 7],
  ])('%s → %d', (text, seconds) => {
    expect(parseDuration(text, 7)).toBe(seconds);
  });
});
