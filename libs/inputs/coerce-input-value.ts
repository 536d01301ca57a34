import type { InputProperty, Scalar } from '../manifest/index.js';

/**
 * Turns text from `--set key=value` (or a wired output) into the input's declared
 * type. Unlike Helm's guessing, the schema decides: `007` stays a string for a string
 * input. Text that does not convert is returned unchanged so validation reports it.
 */
export function coerceInputValue(property: Pick<InputProperty, 'type'> | undefined, value: Scalar): Scalar {
  if (typeof value !== 'string' || !property) return value;
  switch (property.type) {
    case 'integer':
    case 'number': {
      const trimmed = value.trim();
      if (trimmed === '' || !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return value;
      return Number(trimmed);
    }
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return value;
    default:
      return value;
  }
}
