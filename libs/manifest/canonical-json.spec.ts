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
    // UTF-16 code unit order: U+1F600 (a surrogate pair, 0xD83D…) sorts before U+FFFF, after U+20AC.
    [{ '\ud83d\ude00': 1, '\uffff': 2, '\u20ac': 3 }, '{"\u20ac":3,"\ud83d\ude00":1,"\uffff":2}'],
    [5e-324, '5e-324'],
    [123456789012345680000, '123456789012345680000'],
    [{ gone: undefined, kept: [undefined] }, '{"kept":[null]}'],
  ])('%j', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
});
