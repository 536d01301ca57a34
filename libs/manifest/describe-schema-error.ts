import type { ErrorObject } from 'ajv';
import type { DiagnosticDetail } from '../diagnostics/index.js';
import { describeFormat } from './describe-format.js';

/** The part of a schema a pattern's sentence is made from. */
export interface PatternSchema {
  'x-aisle-pattern-message'?: unknown;
  writeOnly?: unknown;
  examples?: unknown;
  default?: unknown;
}

// More allowed values than this are summed up, so a long enum does not bury the sentence.
const MAX_LISTED_VALUES = 12;
// An example longer than this is no help in a one-line message.
const MAX_EXAMPLE_LENGTH = 80;

/**
 * Turns one ajv error into a plain sentence about the field (its path is shown beside it).
 * The value is never quoted, so a secret that fails validation is not echoed; neither is
 * a regular expression: a pattern is told by its schema's `x-aisle-pattern-message` (or, in Aisle's own
 * schemas, the `description` beside it). An
 * enum or const of a secret (writeOnly) field is not listed either. Needs ajv's `verbose`
 * (createAjv sets it) to read the schema around the keyword.
 */
export function describeSchemaError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const secret = parent.writeOnly === true;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'dependentRequired':
      return `needs ${String(p.missingProperty)} as well`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not a known field';
    case 'type':
      return `must be ${listOf(String(p.type).split(',').map(article), 'or')}`;
    case 'minLength':
      return `must be at least ${plural(p.limit, 'character')}`;
    case 'maxLength':
      return `must be at most ${plural(p.limit, 'character')}`;
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
      // Only Aisle's own schemas reach ajv with a pattern (input patterns run in checkPatterns): theirs says the rule
      // in the standard `description` of the pattern's own subschema, which plain JSON Schema tools accept too.
      return describePatternMismatch({ ...parent, 'x-aisle-pattern-message': parent['x-aisle-pattern-message'] ?? parent.description });
    case 'format':
      return `must be ${describeFormat(String(p.format))}`;
    case 'enum':
      return secret ? 'is not one of the values this field allows' : `must be one of: ${listed(p.allowedValues as unknown[])}`;
    case 'const':
      return secret ? 'is not the value this field allows' : `must be ${JSON.stringify(p.allowedValue)}`;
    case 'minItems':
      return `must have at least ${plural(p.limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(p.limit, 'item')}`;
    case 'minProperties':
      return `must have at least ${plural(p.limit, 'entry', 'entries')}`;
    case 'maxProperties':
      return `must have at most ${plural(p.limit, 'entry', 'entries')}`;
    case 'uniqueItems':
      return `must not repeat items (items ${Math.min(Number(p.i), Number(p.j))} and ${Math.max(Number(p.i), Number(p.j))} are the same)`;
    case 'propertyNames':
      return 'has a name that is not allowed here';
    case 'not':
      return describeNot(e.schema, secret);
    case 'anyOf':
    case 'oneOf':
      return describeAlternatives(e);
    default:
      return 'is not valid here';
  }
}

/**
 * What a value that does not match its pattern is told: the schema's own sentence
 * (`x-aisle-pattern-message`), else — an old manifest that has none — that it is not in
 * the accepted form, with a public example when there is one. Never the expression, never the value.
 */
export function describePatternMismatch(schema: PatternSchema | undefined): string {
  const said = schema?.['x-aisle-pattern-message'];
  if (typeof said === 'string' && said.trim() !== '') return `must be ${said.trim().replace(/\.$/, '')}`;
  const example = schema?.writeOnly === true ? undefined : publicExample(schema);
  return `is not in the form this input accepts${example === undefined ? '' : ` (for example ${JSON.stringify(example)})`}`;
}

/** A name refused by `propertyNames`: the rule in words (its `x-aisle-pattern-message`, else its description). */
export function describeNameRule(schema: unknown): string {
  const s = (schema ?? {}) as Record<string, unknown>;
  const said = s['x-aisle-pattern-message'];
  if (typeof said === 'string' && said.trim() !== '') return `is not a valid name: use ${said.trim().replace(/\.$/, '')}`;
  return typeof s.description === 'string' ? `is not a valid name: ${s.description}` : 'is not a valid name';
}

/**
 * The keyword and its parameters, for tools. The parameters are the schema's, never the
 * value checked; a secret field's allowed values are left out as the message leaves them out.
 */
export function schemaErrorDetail(e: ErrorObject): DiagnosticDetail {
  const params: Record<string, unknown> = { ...(e.params as Record<string, unknown>) };
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  if (parent.writeOnly === true) {
    delete params.allowedValues;
    delete params.allowedValue;
  }
  return { keyword: e.keyword, params };
}

function describeNot(schema: unknown, secret: boolean): string {
  const s = (schema ?? {}) as Record<string, unknown>;
  if (!secret && Array.isArray(s.enum))
    return `must not be ${listOf(
      s.enum.map((v) => JSON.stringify(v)),
      'or',
    )}`;
  if (!secret && s.const !== undefined) return `must not be ${JSON.stringify(s.const)}`;
  return 'is not allowed here';
}

/** A failed `anyOf`/`oneOf` that schemaDiagnostics could sum up says what was expected; see its closestBranches. */
function describeAlternatives(e: ErrorObject): string {
  const p = e.params as { types?: unknown; needsOneOf?: unknown; passingSchemas?: unknown };
  if (Array.isArray(p.types))
    return `must be ${listOf(
      p.types.map((t) => article(String(t))),
      'or',
    )}`;
  if (Array.isArray(p.needsOneOf)) return `needs one of ${listOf(p.needsOneOf.map(String), 'or')}`;
  if (Array.isArray(p.passingSchemas)) return 'fits more than one of the forms allowed here; make it fit exactly one';
  const description = (e.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? `is not in an allowed form: ${description}` : 'is not in any of the forms allowed here';
}

function publicExample(schema: PatternSchema | undefined): string | undefined {
  const candidates = [...(Array.isArray(schema?.examples) ? schema.examples : []), schema?.default];
  const example = candidates.find((c): c is string => typeof c === 'string' && c !== '' && c.length <= MAX_EXAMPLE_LENGTH);
  return example;
}

function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED_VALUES).map((v) => JSON.stringify(v));
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** `a`, `a or b`, `a, b or c`. */
function listOf(items: readonly string[], word: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function plural(n: unknown, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
