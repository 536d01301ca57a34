import type { CatalogRepository } from './catalog.repository.js';
import { CatalogSnapshot } from './catalog-snapshot.js';
import { SearchResults } from './search-results.js';
import { VersionCache } from './version-cache.js';

/** What one catalog generation answers from memory: its component list, its version lists and its searches. */
export interface GenerationView {
  snapshot: CatalogSnapshot;
  versions: VersionCache;
  searches: SearchResults;
}

/**
 * The catalog as this process holds it, keyed by the generation the database keeps: every
 * write moves the generation (on whichever instance made it), so reading it — one tiny
 * query — tells whether what is held is still the catalog. A moved generation builds a new
 * view once, however many requests ask for it at the same time.
 */
export class CatalogReadModel {
  private latest?: { generation: number; view: Promise<GenerationView> };

  constructor(private readonly repository: CatalogRepository) {}

  /** The view of the catalog as it is now (never older than the generation read at the call). */
  async current(): Promise<GenerationView> {
    return this.at(await this.repository.generation());
  }

  /** The view of a generation read from the database just now (by the response cache, before the request ran). */
  at(generation: number): Promise<GenerationView> {
    const latest = this.latest;
    if (latest?.generation === generation) return latest.view;
    const view = this.build(generation);
    const entry = { generation, view };
    this.latest = entry;
    // A failed build is forgotten, so the next request tries again instead of failing the same way.
    view.catch(() => this.latest === entry && (this.latest = undefined));
    return view;
  }

  // Rows read after the generation, so they are at least as new as the generation they are kept under.
  private async build(generation: number): Promise<GenerationView> {
    const { components, aisles } = await this.repository.catalogRows();
    const snapshot = new CatalogSnapshot(generation, components, aisles);
    return { snapshot, versions: new VersionCache(this.repository), searches: new SearchResults(this.repository, snapshot) };
  }
}
