import type { ComponentFilter, StoredComponent } from './stored-component.js';

/** True when a component is on the filter's aisle and certified if asked: what component-query.ts writes in SQL (the text search aside). */
export function componentMatchesFilter(c: StoredComponent, filter: ComponentFilter): boolean {
  return (!filter.aisle || c.aisle === filter.aisle) && (!filter.certifiedOnly || c.latestCertified);
}
