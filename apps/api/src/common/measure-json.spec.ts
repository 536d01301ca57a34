import { describe, expect, it } from 'vitest';
import { measureJson } from './measure-json.js';

const unbounded = { maxDepth: Infinity, maxValues: Infinity };

describe('measureJson', () => {
  it('measures depth, values and about the length of the JSON text', () => {
    expect(measureJson({ a: [1, 'xy'], b: null }, unbounded)).toEqual({ depth: 2, values: 5, length: expect.any(Number) });
    const m = measureJson({ key: 'value' }, unbounded);
    expect(m.length).toBeGreaterThanOrEqual(JSON.stringify({ key: 'value' }).length);
  });

  it('walks a value nested 100,000 deep without recursion, and stops at the limits with the path', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(measureJson(deep, unbounded).depth).toBe(100_000);
    expect(measureJson({ x: deep }, { maxDepth: 3, maxValues: Infinity }, 'variables')).toMatchObject({ depth: 4, stoppedAt: 'variables.x[0][0][0]' });
    expect(
      measureJson(
        Array.from({ length: 50 }, () => 1),
        { maxDepth: 9, maxValues: 10 },
      ).values,
    ).toBe(11);
    expect(measureJson({ s: 'x'.repeat(100) }, { maxDepth: 9, maxValues: 99, maxLength: 20 }).stoppedAt).toBe('s');
  });

  it('finds the first number JSON cannot carry (1e309 parses as Infinity)', () => {
    expect(measureJson(JSON.parse('{"a": [1, {"b": 1e309}], "c": -1e309}'), unbounded, 'variables').infiniteAt).toBe('variables.a[1].b');
    expect(measureJson(JSON.parse('{"a": -0, "b": 1e308}'), unbounded).infiniteAt).toBeUndefined();
  });
});
