import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation: object keys sorted by UTF-16
 * code units, no whitespace, numbers in ECMAScript form. Digests are taken of this.
 *
 * The reference implementation (canonicalize) does the work: it gives the same bytes as
 * our former serialiser on every shipped manifest and certification record, and on the
 * edge cases below (key order beyond the BMP, -0, 1e21, U+2028). Outside JSON's values
 * it differs (a Date goes through toJSON, a symbol is dropped, undefined gives none):
 * what we serialise comes from a JSON or YAML parser, and what cannot be JSON is refused
 * here as before, with a TypeError.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (e) {
    throw new TypeError(`canonical JSON cannot hold this value: ${(e as Error).message}`, { cause: e });
  }
  if (text === undefined) throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  return text;
}
