import type { ErrorCode } from 'yaml';

// A plain sentence per yaml error code. None quotes the document: these stand in for the
// library's own messages wherever the text may hold a secret (an app spec's values).
const SENTENCES: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'repeats a key; keys must be unique',
  TAB_AS_INDENT: 'is indented with a tab; YAML indents with spaces',
  BAD_INDENT: 'is indented inconsistently',
  MISSING_CHAR: 'is missing something YAML expects here: a closing quote or bracket, or a ":" after a key',
  BAD_DQ_ESCAPE: 'has an invalid escape sequence between double quotes',
  MULTILINE_IMPLICIT_KEY: 'has text YAML reads as a nested key: a value with ": " in it, or a key split over lines',
  BLOCK_AS_IMPLICIT_KEY: 'has text YAML reads as a nested key: a value with ": " in it, or a key split over lines',
  KEY_OVER_1024_CHARS: 'has a key longer than 1024 characters',
  TAG_RESOLVE_FAILED: 'uses an unknown tag (a value that starts with "!")',
  BAD_ALIAS: 'uses an alias or anchor (a value that starts with "*" or "&") wrongly',
  ALIAS_PROPS: 'uses an alias or anchor (a value that starts with "*" or "&") wrongly',
  MULTIPLE_ANCHORS: 'uses an alias or anchor (a value that starts with "*" or "&") wrongly',
  MULTIPLE_DOCS: 'holds more than one YAML document',
};

/**
 * Describes a YAML error by its code alone, never by the text it sits in: what an app
 * spec's diagnostics say, since a broken value may leave a secret anywhere in the
 * parsed structure.
 */
export function yamlErrorMessage(code: ErrorCode): string {
  const sentence = SENTENCES[code] ?? 'is not valid YAML here (a value with ":", "#", "[" or "{" in it often is)';
  return `${sentence}; quoting a value helps, and its text is not shown because it may be a secret`;
}
