import { splitLookahead, toRe2Syntax } from '../../manifest/index.js';

type Schema = Record<string, unknown>;

/**
 * Schema keywords for an input's `pattern` that Helm can check: Helm validates values.schema.json
 * with Go's RE2 regexps, which refuse lookarounds and backreferences, and then refuses the whole
 * chart. The manifest library's split turns `^P(?!L)R` into `pattern: ^PR` with
 * `not: {pattern: ^P(?:L)}`, as aisle itself checks it; a pattern that has no RE2 form is left
 * out (aisle still checks it when composing).
 */
export function re2Pattern(pattern: string): Schema {
  const parts = splitLookahead(pattern);
  if ('problem' in parts) return {};
  // The parts are written as the component gave them, which RE2 reads alike once no lookaround or backreference is left.
  for (const part of [parts.allowed, parts.forbidden]) if (part !== undefined && 'problem' in toRe2Syntax(part)) return {};
  return parts.forbidden === undefined ? { pattern: parts.allowed } : { pattern: parts.allowed, not: { pattern: parts.forbidden } };
}
