import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson (RFC 8785)', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ '\u00e9': 1, z: 2, A: 3 }, '{"A":3,"z":2,"\u00e9":1}'],
    [1e21, '1e+21'],
    [0.1, '0.1'],
    [-0, '0'],
    ['\u2028"\n', '"\u2028\\"\\n"'],
    [{ nested: { y: 1, x: { b: 2, a: 1 } } }, '{"nested":{"x":{"a":1,"b":2},"y":1}}'],
  ])('%j', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});
