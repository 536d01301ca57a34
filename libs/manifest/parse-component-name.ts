/**
 * An organization's name, which is also its scope: what `aisle token create --org`
 * accepts (lower-case letters, digits and hyphens, at most 63 characters).
 */
export const SCOPE_NAME_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';

/**
 * A component name: a DNS label (`postgresql`), global and public, or the same under an
 * organization's scope (`acme/vault`), which only that organization publishes into.
 * `schemas/component.schema.json` carries the same pattern (a test keeps them equal).
 * Neither part nests a quantifier, so matching is linear in the length of the text.
 */
export const COMPONENT_NAME_PATTERN = '^([a-z0-9][a-z0-9-]{0,62}/)?[a-z]([a-z0-9-]{0,38}[a-z0-9])?$';

/** The longest component name: a 63-character scope, `/`, a 40-character label. */
export const MAX_COMPONENT_NAME_LENGTH = 104;

const SCOPE_NAME = new RegExp(SCOPE_NAME_PATTERN);
const COMPONENT_NAME = new RegExp(COMPONENT_NAME_PATTERN);

/** A component name split into its organization's scope (when scoped) and its label. */
export interface ComponentName {
  /** The whole name as written: `acme/vault` or `postgresql`. */
  full: string;
  /** The organization whose scope holds the name; undefined for a global name. */
  scope?: string;
  /** The label after the scope: `vault`. Never contains `/`, so it is safe in a path or a DNS name. */
  base: string;
}

/** Splits a component name into scope and label; undefined when it is not a valid name. */
export function parseComponentName(text: string): ComponentName | undefined {
  if (text.length > MAX_COMPONENT_NAME_LENGTH || !COMPONENT_NAME.test(text)) return undefined;
  const slash = text.indexOf('/');
  return slash < 0 ? { full: text, base: text } : { full: text, scope: text.slice(0, slash), base: text.slice(slash + 1) };
}

/** True when text is a valid organization name, and so a valid scope. */
export function isScopeName(text: string): boolean {
  return SCOPE_NAME.test(text);
}

/** The plain sentence that says what a component name must look like. */
export const COMPONENT_NAME_RULE =
  'must be a lower-case name such as postgresql (a letter, then letters, digits or hyphens, at most 40), optionally in an organization’s scope such as acme/vault';
