import type { ErrorObject } from 'ajv';

/**
 * Turns one ajv error into a plain sentence. Values are never quoted back, so a
 * secret that fails validation is not echoed in the message.
 */
export function describeSchemaError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'type':
      return `must be ${article(String(p.type).replace(/,/g, ' or '))}`;
    case 'minLength':
      return `must be at least ${p.limit} character${p.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `must be at most ${p.limit} character${p.limit === 1 ? '' : 's'}`;
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `must be greater than ${p.limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${p.limit}`;
    case 'multipleOf':
      return `must be a multiple of ${p.multipleOf}`;
    case 'pattern':
      return describePatternMismatch(String(p.pattern));
    case 'format':
      return `must be a valid ${p.format}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'minItems':
      return `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'minProperties':
      return `must have at least ${p.limit} entr${p.limit === 1 ? 'y' : 'ies'}`;
    case 'maxProperties':
      return `must have at most ${p.limit} entries`;
    case 'uniqueItems':
      return `must not repeat items (items ${p.j} and ${p.i} are the same)`;
    case 'propertyNames':
      return `has an invalid name "${String(p.propertyName)}"`;
    case 'not':
      return 'is not allowed here';
    case 'anyOf':
    case 'oneOf':
      return 'does not match any allowed form';
    default:
      return e.message ?? 'is invalid';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** What a value that does not match its pattern is told (the publisher's pattern, never the value). */
export function describePatternMismatch(pattern: string): string {
  return `must match the pattern ${pattern}`;
}
