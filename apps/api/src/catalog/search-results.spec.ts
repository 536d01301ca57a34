import { describe, expect, it } from 'vitest';
import { compareSearchResults, searchRank } from '../../../../libs/catalog/index.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogRepository } from './catalog.repository.js';
import { CatalogSnapshot } from './catalog-snapshot.js';
import { SearchResults } from './search-results.js';
import type { ComponentFilter, StoredComponent } from './stored-component.js';

const ORGS = ['aisle', 'acme', 'globex'];
const AISLES = ['web', 'database', 'cache'];
const NAMES = ['sql', 'mysql', 'sql-proxy', 'nosql', 'postgres', 'sqlite', 'redis', 'sql-admin', 'pgsql', 'sqlpad'];
const components: StoredComponent[] = Array.from({ length: 60 }, (_, i) => ({
  id: i + 1,
  name: i < NAMES.length ? NAMES[i]! : `c${String((i * 37) % 60).padStart(2, '0')}${i % 2 ? '-sql' : ''}`,
  organization: ORGS[i % 3]!,
  visibility: i % 4 === 0 ? 'private' : 'public',
  aisle: AISLES[i % 3]!,
  latestVersion: '1.0.0',
  latestCertified: i % 5 === 0,
}));
// The database's matches, in its own (any) order, including a name this generation's snapshot does not hold.
const matched = [...components.filter((c) => c.name.includes('sql')).map((c) => c.name).reverse(), 'sql-newer-than-the-snapshot'];
const snapshot = new CatalogSnapshot(3, components, AISLES);
let reads = 0;
const repository = {
  searchMatches: async () => {
    reads += 1;
    return matched;
  },
} as unknown as CatalogRepository;
const words = ['sql'];

// What the SQL of repository.page selects for the viewer and filter, in search order.
function expected(viewer: Viewer, filter: ComponentFilter): string[] {
  return components
    .filter((c) => matched.includes(c.name))
    .filter((c) => c.visibility === 'public' || c.organization === viewer.organization)
    .filter((c) => (!filter.aisle || c.aisle === filter.aisle) && (!filter.certifiedOnly || c.latestCertified))
    .map((c) => ({ rank: searchRank(c.name, words), name: c.name }))
    .sort(compareSearchResults)
    .map((c) => c.name);
}

const viewers: Viewer[] = [{ scopes: [] }, { organization: 'acme', scopes: [] }, { organization: 'globex', scopes: ['publish'] }];
const filters: ComponentFilter[] = [{ search: 'sql' }, { search: 'sql', aisle: 'web' }, { search: 'sql', certifiedOnly: true }];

describe('SearchResults', () => {
  it('pages and counts exactly what the database would select for each viewer and filter, in search order, reading the matches once', async () => {
    const results = new SearchResults(repository, snapshot);
    for (const viewer of viewers) {
      for (const filter of filters) {
        const all = expected(viewer, filter);
        expect(await results.count(viewer, filter, words)).toBe(all.length);
        for (const first of [1, 4, 100]) {
          const seen: string[] = [];
          let after: string | undefined;
          for (;;) {
            const page = await results.page(viewer, filter, words, after, first);
            seen.push(...page.components.map((c) => c.name));
            if (!page.hasNextPage) break;
            after = page.components.at(-1)!.name;
          }
          expect(seen).toEqual(all);
        }
      }
    }
    expect(reads).toBe(1);
  });

  it('never lists a private component outside its organization, nor one the snapshot does not hold', async () => {
    const results = new SearchResults(repository, snapshot);
    const names = (await results.page({ scopes: [] }, { search: 'sql' }, words, undefined, 100)).components.map((c) => c.name);
    expect(names).toContain('mysql');
    expect(names).not.toContain('sql'); // private to organization "aisle"
    expect(names).not.toContain('sql-newer-than-the-snapshot');
    expect((await results.page({ organization: 'aisle', scopes: [] }, { search: 'sql' }, words, undefined, 1)).components.map((c) => c.name)).toEqual(['sql']);
  });

  it('takes a cursor naming no match to the first match after its place in search order', async () => {
    const results = new SearchResults(repository, snapshot);
    const all = expected({ scopes: [] }, { search: 'sql' });
    const page = await results.page({ scopes: [] }, { search: 'sql' }, words, 'sqlite-gone', 100);
    expect(page.components.map((c) => c.name)).toEqual(all.filter((n) => compareSearchResults({ rank: searchRank(n, words), name: n }, { rank: 1, name: 'sqlite-gone' }) > 0));
  });
});
