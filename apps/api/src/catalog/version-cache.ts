import { LRUCache } from 'lru-cache';
import type { CatalogRepository } from './catalog.repository.js';
import type { StoredVersion } from './stored-component.js';

// Components whose version lists one generation keeps; the manifests themselves are shared per digest (catalog-mapper).
const MAX_COMPONENTS = 2000;

/**
 * The version lists of one catalog generation, read from the database once per component
 * and then shared by every request of that generation (the lists, and so the GraphQL models
 * memoized on them, are the same objects). Ids missing together are read in one query.
 */
export class VersionCache {
  private readonly lists = new LRUCache<number, Promise<StoredVersion[]>>({ max: MAX_COMPONENTS });

  constructor(private readonly repository: CatalogRepository) {}

  /** Every version of each component, newest first, in the order of the ids. */
  async load(ids: readonly number[]): Promise<StoredVersion[][]> {
    const missing = ids.filter((id) => !this.lists.has(id));
    if (missing.length > 0) {
      const read = this.repository.versionsOf([...new Set(missing)]);
      for (const id of missing) {
        const list = read.then((byId) => byId.get(id) ?? []);
        // A failed read is not kept: the next request reads again.
        list.catch(() => this.lists.get(id) === list && this.lists.delete(id));
        this.lists.set(id, list);
      }
    }
    return Promise.all(ids.map((id) => this.lists.get(id) ?? this.repository.versionsOf([id]).then((byId) => byId.get(id) ?? [])));
  }
}
