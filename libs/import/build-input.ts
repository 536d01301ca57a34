import type { InputProperty, Scalar } from '../manifest/index.js';
import { looksSecret } from '../certify/index.js';
import type { ImportedParameter } from './imported-app.js';

/** What the source says about one input: the variable's name, its declaration, or its literal value. */
export interface InputSource {
  /** The environment variable or parameter name it comes from. */
  name: string;
  param?: ImportedParameter;
  literal?: string;
}

/** A value as the input's type reads it. */
export function typedValue(property: InputProperty, text: string): Scalar {
  if (property.type === 'integer') return Number(text);
  if (property.type === 'boolean') return text === 'true';
  return text;
}

const MESSAGE = 'a value the original app accepted for this setting (see the description)';

/**
 * One typed input from what the source says. A name that reads like a secret
 * (PASSWORD, SECRET, TOKEN, KEY) or a value the source generates makes a secret input,
 * generated when not given; numbers and booleans are typed; defaults and patterns kept.
 */
export function buildInput(source: InputSource): { property: InputProperty; required: boolean; dropped?: string } {
  const { param } = source;
  const value = source.literal ?? param?.default;
  const description = (param?.description ?? `${source.name}, as the source set it.`).slice(0, 1000);
  const secret = looksSecret(source.name) || looksSecret(param?.name ?? '') || param?.generate !== undefined;
  if (secret) {
    return { property: { type: 'string', description, writeOnly: true, 'x-aisle-generate': param?.generate ?? 'password' }, required: false };
  }
  const property: InputProperty = { type: 'string', description };
  if (param?.enum && param.enum.length > 0) property.enum = [...new Set(param.enum)];
  else if (value !== undefined && /^-?(0|[1-9][0-9]{0,14})$/.test(value) && !param?.pattern) property.type = 'integer';
  else if (value === 'true' || value === 'false') property.type = 'boolean';
  let dropped: string | undefined;
  if (param?.pattern) {
    if (value === undefined || new RegExp(param.pattern, 'u').test(value)) {
      property.pattern = param.pattern;
      property['x-aisle-pattern-message'] = MESSAGE;
    } else dropped = "the source's own default does not match its pattern, so the pattern is not kept";
  }
  if (value !== undefined) property.default = typedValue(property, value);
  else if (!param?.required) property.default = '';
  if (property.enum && property.default !== undefined && !property.enum.includes(property.default)) property.enum.push(property.default);
  return { property, required: param?.required === true && value === undefined, ...(dropped ? { dropped } : {}) };
}
