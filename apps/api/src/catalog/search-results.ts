import { LRUCache } from 'lru-cache';
import { compareSearchResults, searchRank, type SearchRank } from '../../../../libs/catalog/index.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { CatalogSnapshot, SnapshotComponent } from './catalog-snapshot.js';
import { componentMatchesFilter } from './component-matches-filter.js';
import type { ComponentFilter } from './stored-component.js';

// Searches one generation keeps (each at most one entry per component: 10,000 components cost ~90 KB a search).
const MAX_SEARCHES = 100;

/** Every component a search matches, whoever may see it, in search order (rank, then name in code-unit order). */
interface Ordered {
  components: SnapshotComponent[];
  ranks: Uint8Array;
}

/**
 * The text searches of one catalog generation: the database finds which components hold every word (its trigram
 * indexes, search-query.ts) once per set of words; ranking, ordering, paging, counting and filtering by viewer,
 * aisle and certification are then done here, in memory, as orderBySearchRank and component-query.ts write them in
 * SQL (searchRank, compareSearchResults: SQLite's BINARY and PostgreSQL's "C" order). Only components of the
 * generation's snapshot are listed, so a private component reaches nobody outside its organization.
 */
export class SearchResults {
  private readonly found = new LRUCache<string, Promise<Ordered>>({ max: MAX_SEARCHES });

  constructor(
    private readonly repository: CatalogRepository,
    private readonly snapshot: CatalogSnapshot,
  ) {}

  /** Up to `first` matches after the named one (a name from an earlier page), and whether more follow. */
  async page(viewer: Viewer, filter: ComponentFilter, words: readonly string[], after: string | undefined, first: number): Promise<{ components: SnapshotComponent[]; hasNextPage: boolean }> {
    const { components, ranks } = await this.ordered(words);
    const start = after === undefined ? 0 : firstAfter(components, ranks, searchRank(after, words), after);
    const page: SnapshotComponent[] = [];
    for (let i = start; i < components.length; i++) {
      const c = components[i]!;
      if (!visibleTo(viewer, c) || !componentMatchesFilter(c, filter)) continue;
      if (page.length === first) return { components: page, hasNextPage: true };
      page.push(c);
    }
    return { components: page, hasNextPage: false };
  }

  /** How many components the search matches for this viewer and filter. */
  async count(viewer: Viewer, filter: ComponentFilter, words: readonly string[]): Promise<number> {
    let n = 0;
    for (const c of (await this.ordered(words)).components) if (visibleTo(viewer, c) && componentMatchesFilter(c, filter)) n += 1;
    return n;
  }

  private ordered(words: readonly string[]): Promise<Ordered> {
    const key = JSON.stringify(words);
    let entry = this.found.get(key);
    if (entry === undefined) {
      const read = this.repository.searchMatches(words).then((names) => this.order(names, words));
      // A failed read is not kept: the next request reads again.
      read.catch(() => this.found.get(key) === read && this.found.delete(key));
      this.found.set(key, (entry = read));
    }
    return entry;
  }

  private order(names: readonly string[], words: readonly string[]): Ordered {
    const ranked: Array<{ rank: SearchRank; name: string; component: SnapshotComponent }> = [];
    for (const name of names) {
      const component = this.snapshot.held(name);
      if (component) ranked.push({ rank: searchRank(name, words), name, component });
    }
    ranked.sort(compareSearchResults);
    return { components: ranked.map((r) => r.component), ranks: Uint8Array.from(ranked, (r) => r.rank) };
  }
}

function visibleTo(viewer: Viewer, c: SnapshotComponent): boolean {
  return c.visibility === 'public' || c.organization === viewer.organization;
}

// Index of the first match after (rank, name) in search order, as the SQL cursor condition reads.
function firstAfter(components: readonly SnapshotComponent[], ranks: Uint8Array, rank: SearchRank, name: string): number {
  let lo = 0;
  let hi = components.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSearchResults({ rank: ranks[mid] as SearchRank, name: components[mid]!.name }, { rank, name }) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
