/**
 * What one GraphQL request may ask of the service, besides the body size, the 2,000
 * tokens of a document, and ApiConfig's depth (10) and cost (10,000). Anonymous callers
 * reach all of it, so each bound keeps one request to a few hundred milliseconds of work
 * on a small machine; SECURITY.md lists them with the tests that hold them.
 */
export const REQUEST_LIMITS = {
  /**
   * Fields a document's operations select, each fragment counted as often as it is spread (the IDE's introspection query selects
   * 230). graphql-js compares fields of one response name pairwise (OverlappingFieldsCanBeMerged): 250 `aisles { name }`
   * took 100-230 ms to validate here, 150 about 40.
   */
  fields: 300,
  /** Brackets, braces and parentheses nested in a document's text; arrays and objects nested in its variables. */
  nesting: 64,
  /** JSON values (numbers, strings, arrays, objects, …) in a request's variables. */
  variableValues: 10_000,
  /** Characters of a string argument, unless ARGUMENT_LENGTHS says otherwise. */
  argumentLength: 1_000,
  /** Characters of `components(search)`: ten words are searched, each a LIKE pattern. */
  searchLength: 200,
  /**
   * Instances one app spec may declare to be composed here (the CLI composes larger apps locally). Composing and
   * rendering cost about 1 ms an instance (Helm most), each app's steps run in turns of their own: 50 keep a step short.
   */
  instancesPerApp: 50,
  /** Instances one request composes or checks: each `compose` counts its app's instances, each `validateInputs` one (about 200 ms in all). */
  instancesPerRequest: 100,
  /**
   * Characters of app specs and input values one request composes or checks, summed over its fields and aliases.
   * Parsing YAML is the cost here: the yaml library checks duplicate keys pairwise, so a flat mapping of short keys
   * costs its square (16 KiB parse in tens of milliseconds; 145 KiB in seconds).
   */
  compositionText: 16 * 1024,
} as const;
