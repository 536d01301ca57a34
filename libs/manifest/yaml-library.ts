import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

/**
 * The yaml package, loaded on first use rather than by an import: a CLI run answered
 * from the catalog cache parses no YAML, and loading the package's ~70 modules would
 * cost it more than the rest of its work.
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it on every run (see above)
  return (yaml ??= require('yaml') as typeof Yaml);
}
