import fc from 'fast-check';

/** Strings a hostile publisher or caller would try: templates, patterns, lone surrogates, prototype names, long runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    'sh -c id',
    '${{',
    '${{ inputs.password }}',
    '${{ inputs.toString }}',
    '${{ inputs.constructor | urlencode }}',
    '${{ host }}:${{ name }}',
    '$${{ x }}',
    '${{ a.b.c.d }}',
    '\uD800',
    'a\uDC00b',
    '\uDBFF\uDFFF',
    '^(a+)+$',
    '(a)\\1',
    '(?<=a)b',
    '^(?!a)(?!b)c',
    '^(?!root$)[a-z]+$',
    '[',
    '\\',
    'latest',
    '1Gi',
    '100m',
    '0',
    '-1',
    '1e309',
    '::',
    'toString',
    'constructor',
    'hasOwnProperty',
    '\u0000',
    '\r\n',
    '\u2028',
  ),
  fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 100, max: 5000 })).map(([s, n]) => s.repeat(n)),
);

/** Numbers at and past every edge: huge, tiny, negative zero, not finite, just past the limits. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, 5e-324, -0, 65_535, 65_536, 65_537, 4_096, 4_097, 20_000_000, Number.NaN, Number.POSITIVE_INFINITY),
);

/** Nesting `depth` deep, alternating objects and arrays. */
export function nested(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { k: value } : [value];
  return value;
}

/** Any value a JSON or YAML document could carry, with the hostile ones above weighted in. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.nat({ max: 90 }).map((depth) => nested(depth)),
  fc.array(hostileString, { maxLength: 5 }),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('toString', 'constructor', 'hasOwnProperty', 'valueOf', 'type', 'pattern')),
        hostileString,
      ),
      { maxLength: 4 },
    )
    .map((entries) => Object.fromEntries(entries)),
);
