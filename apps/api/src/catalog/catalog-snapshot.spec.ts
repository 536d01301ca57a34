import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.js';
import { CatalogSnapshot } from './catalog-snapshot.js';
import type { ComponentFilter, StoredComponent } from './stored-component.js';

// A catalog in "database order" that is not JavaScript's (as a PostgreSQL collation may order): the snapshot must keep
// the order it is given, never sort by itself.
const ORGS = ['aisle', 'acme', 'globex'];
const AISLES = ['web', 'database', 'cache'];
const components: StoredComponent[] = Array.from({ length: 60 }, (_, i) => ({
  id: i + 1,
  name: `c${String((i * 37) % 60).padStart(2, '0')}`,
  organization: ORGS[i % 3]!,
  visibility: i % 4 === 0 ? 'private' : 'public',
  aisle: AISLES[i % 3]!,
  latestVersion: '1.0.0',
  latestCertified: i % 5 === 0,
}));
const snapshot = new CatalogSnapshot(7, components, ['web', 'database', 'cache']);

// What the SQL of component-query.ts selects, in the given order.
function expected(viewer: Viewer, filter: ComponentFilter): string[] {
  return components
    .filter((c) => c.visibility === 'public' || c.organization === viewer.organization)
    .filter((c) => (!filter.aisle || c.aisle === filter.aisle) && (!filter.certifiedOnly || c.latestCertified))
    .map((c) => c.name);
}

const viewers: Viewer[] = [{ scopes: [] }, { organization: 'acme', scopes: [] }, { organization: 'globex', scopes: ['publish'] }, { organization: 'nobody', scopes: [] }];
const filters: ComponentFilter[] = [{}, { aisle: 'web' }, { certifiedOnly: true }, { aisle: 'cache', certifiedOnly: true }];

describe('CatalogSnapshot', () => {
  it('pages through exactly what the database would select for each viewer and filter, in its order', () => {
    for (const viewer of viewers) {
      for (const filter of filters) {
        const all = expected(viewer, filter);
        for (const first of [1, 7, 100]) {
          const seen: string[] = [];
          let after: string | undefined;
          for (;;) {
            const page = snapshot.page(viewer, filter, after, first)!;
            seen.push(...page.components.map((c) => c.name));
            expect(page.hasNextPage).toBe(seen.length < all.length);
            if (!page.hasNextPage) break;
            after = page.components.at(-1)!.name;
          }
          expect(seen).toEqual(all);
        }
        expect(snapshot.count(viewer, filter)).toBe(all.length);
      }
    }
  });

  it('never hands a private component to anyone outside its organization', () => {
    const hidden = components.find((c) => c.visibility === 'private' && c.organization === 'acme')!;
    for (const viewer of viewers.filter((v) => v.organization !== 'acme')) {
      expect(snapshot.visible(viewer, hidden.name)).toBeUndefined();
      expect(snapshot.page(viewer, {}, undefined, 100)!.components.map((c) => c.name)).not.toContain(hidden.name);
    }
    expect(snapshot.visible({ organization: 'acme', scopes: [] }, hidden.name)?.name).toBe(hidden.name);
  });

  it('counts aisles per viewer in the given order, leaving out empty ones', () => {
    for (const viewer of viewers) {
      const counts = AISLES.map((name) => ({ name, components: expected(viewer, { aisle: name }).length })).filter((a) => a.components > 0);
      expect(snapshot.aisles(viewer)).toEqual(counts);
    }
  });

  it('declines what only the database answers the same way: a text search, a cursor naming no component it holds', () => {
    expect(snapshot.page({ scopes: [] }, { search: 'redis' }, undefined, 10)).toBeUndefined();
    expect(snapshot.count({ scopes: [] }, { search: 'redis' })).toBeUndefined();
    expect(snapshot.page({ scopes: [] }, {}, 'not-held', 10)).toBeUndefined();
  });
});
