import type { ComponentManifest } from '../manifest/index.js';

/**
 * The lower-case text a free-text search matches a component against, the same for
 * `aisle search` and GraphQL `components(search:)` (which stores it per component): its
 * name (and the manifest's, when a component moved into a scope kept the old spelling),
 * title, description, keywords, the interfaces it provides and its aisle.
 */
export function searchText(m: ComponentManifest, name: string): string {
  return [name, ...(m.metadata.name === name ? [] : [m.metadata.name]), m.metadata.title, m.metadata.description, ...(m.metadata.keywords ?? []), ...m.spec.provides, m.metadata.aisle]
    .join(' ')
    .toLowerCase();
}
