import { describe, expect, it } from 'vitest';
import { coerceInputValue } from './coerce-input-value.js';

describe('coerceInputValue', () => {
  it.each<[string, string, unknown]>([
    ['integer', '5433', 5433],
    ['integer', ' 12 ', 12],
    ['integer', 'twelve', 'twelve'],
    ['integer', '', ''],
    ['number', '0.5', 0.5],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['boolean', 'yes', 'yes'],
    ['string', '007', '007'],
    ['string', 'true', 'true'],
  ])('%s %j → %j', (type, text, expected) => {
    expect(coerceInputValue({ type: type as 'string' }, text)).toEqual(expected);
  });
});
