import { parse, Scalar, stringify } from 'yaml';
import { LRUCache } from 'lru-cache';

// Characters a YAML 1.1 reader (kubectl's go-yaml, Helm, PyYAML) treats as line breaks or
// rejects outside double quotes (Helm refuses a values.yaml holding a raw U+FFFE or U+FFFF);
// strings holding them, or a newline, are written double-quoted.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NEEDS_DOUBLE_QUOTES = /[\n\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/u;
// The yaml library leaves these raw even inside double quotes, where 1.1 readers still fold or refuse them.
const RAW_IN_QUOTES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/gu;
// A string that is a plain string in YAML 1.1 and 1.2 alike, written as the yaml library
// would write it: it starts with a letter, `_` or `/` (so it is no number, `.inf`,
// timestamp or indicator), is printable ASCII, and has no `: `, ` #`, final `:` or space.
const PLAIN = /^[A-Za-z_/][\x20-\x7e]*$/;
// YAML 1.1 reads these words as booleans or null.
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
// YAML limits a plain (implicit) key to 1,024 characters; kustomize cannot re-emit a longer one even written `? key`.
const MAX_KEY_LENGTH = 1024;
const MAX_CACHED_LENGTH = 200;
const MAX_CACHE_SIZE = 10_000;
const cache = new LRUCache<string, string>({ max: MAX_CACHE_SIZE });

export interface ToYamlOptions {
  /** A comment for the top of the file (without `#`). */
  header?: string;
  /** A comment line to write above a mapping key, by the key's path. */
  comment?: (path: readonly string[]) => string | undefined;
}

/**
 * Serializes plain data (objects, arrays, strings, numbers, booleans) as block-style
 * YAML that every reader of Kubernetes and Helm files parses back to the same data.
 * Every scalar is written by the yaml library (YAML 1.1 quoting, so `on`, `0755` or
 * `1:20` stay strings; no line folding), except strings that are plain in any YAML,
 * which need no quoting. Only indentation, `key:` and `- ` are ours: rendering a
 * whole Kubernetes object through yaml's Document costs about 1 ms, too slow for
 * thousands of instances, while its scalars are cached.
 */
export function toYaml(value: unknown, options: ToYamlOptions = {}): string {
  const lines: string[] = [];
  if (options.header !== undefined) lines.push(`#${options.header}`, '');
  if (isCollection(value) && !isEmpty(value)) {
    if (Array.isArray(value)) sequence(value, '', lines, options, []);
    else mapping(value as Record<string, unknown>, '', lines, options, []);
  } else lines.push(inline(value));
  return `${lines.join('\n')}\n`;
}

function mapping(map: Record<string, unknown>, pad: string, lines: string[], options: ToYamlOptions, path: string[]): void {
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const keyPath = options.comment ? [...path, key] : path;
    const note = options.comment?.(keyPath);
    if (note !== undefined) lines.push(`${pad}#${note}`);
    // `<<` as a key is a merge in YAML 1.1.
    const name = key === '<<' ? '"<<"' : scalar(key);
    // Every name that becomes a key is bounded where it comes in (schemas): a longer one is a bug.
    if (name.length > MAX_KEY_LENGTH) throw new Error(`toYaml: a mapping key of more than ${MAX_KEY_LENGTH} characters`);
    if (!isCollection(value) || isEmpty(value)) {
      lines.push(`${pad}${name}: ${inline(value)}`);
      continue;
    }
    lines.push(`${pad}${name}:`);
    if (Array.isArray(value)) sequence(value, `${pad}  `, lines, options, keyPath);
    else mapping(value as Record<string, unknown>, `${pad}  `, lines, options, keyPath);
  }
}

function sequence(items: readonly unknown[], pad: string, lines: string[], options: ToYamlOptions, path: string[]): void {
  items.forEach((item, i) => {
    if (!isCollection(item) || isEmpty(item)) {
      lines.push(`${pad}- ${inline(item)}`);
      return;
    }
    // The item's first line goes after "- ", the rest two columns in.
    const start = lines.length;
    const inner = `${pad}  `;
    const itemPath = options.comment ? [...path, String(i)] : path;
    if (Array.isArray(item)) sequence(item, inner, lines, options, itemPath);
    else mapping(item as Record<string, unknown>, inner, lines, options, itemPath);
    lines[start] = `${pad}- ${lines[start]!.slice(inner.length)}`;
  });
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : library(value);
  if (typeof value === 'string') return scalar(value);
  throw new Error(`toYaml: cannot write a ${typeof value}`);
}

function scalar(text: string): string {
  // Plain strings are checked, not cached, so the cache keeps what the library wrote.
  if (isPlain(text)) return text;
  if (text.length > MAX_CACHED_LENGTH) return library(text);
  let out = cache.get(text);
  if (out === undefined) {
    out = library(text);
    cache.set(text, out);
  }
  return out;
}

function isPlain(text: string): boolean {
  return PLAIN.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':') && !text.endsWith(' ') && !RESERVED.has(text.toLowerCase());
}

/** One scalar, written by the yaml library on a single line. */
function library(value: string | number, forceDoubleQuotes = false): string {
  const node = new Scalar(value);
  if (forceDoubleQuotes || (typeof value === 'string' && NEEDS_DOUBLE_QUOTES.test(value))) node.type = 'QUOTE_DOUBLE';
  const text = stringify(node, { version: '1.1', lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER }).replace(
    /\n$/,
    '',
  );
  // A document marker such as `---` alone comes back as a block scalar.
  if (text.includes('\n')) {
    if (forceDoubleQuotes) throw new Error('toYaml: a double-quoted scalar spans lines');
    return library(value, true);
  }
  // Plain in 1.1 is not always a string in 1.2 (`0o17` is an integer there, as in kustomize's reader).
  if (typeof value === 'string' && !forceDoubleQuotes && !/^["']/.test(text) && parse(text, { version: '1.2' }) !== value) {
    return library(value, true);
  }
  return text.replace(RAW_IN_QUOTES, escapeCharacter);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function escapeCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
