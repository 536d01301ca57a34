import type { Viewer } from '../auth/viewer.js';
import { encodeCursor } from './component-cursor.js';
import { componentMatchesFilter } from './component-matches-filter.js';
import type { ComponentModel } from './models/component.model.js';
import type { ComponentFilter, StoredComponent } from './stored-component.js';
import { toComponentModel } from './to-graphql-model.js';

/** A component of a snapshot with the parts every answer about it reuses. */
export interface SnapshotComponent extends StoredComponent {
  /** Its place in the database's own name order (its collation, not JavaScript's). */
  rank: number;
  cursor: string;
  model: ComponentModel;
}

/** Aisle name → number of components on it. */
type AisleCounts = Map<string, number>;

/**
 * The component list of one catalog generation, held in memory: pages, counts, aisles and
 * lookups by name for any viewer, without a query. Public components are one list, each
 * organization's private ones another; a viewer's catalog is the merge of the public list
 * and its own organization's, walked in place (never copied per request). A private
 * component is in no list but its organization's, so nobody else can reach it.
 *
 * What it cannot answer the same way the database would (a text search, a cursor naming a
 * component it does not hold) it declines with undefined, and the caller asks the database.
 */
export class CatalogSnapshot {
  private readonly byName = new Map<string, SnapshotComponent>();
  private readonly publicList: SnapshotComponent[] = [];
  private readonly privateLists = new Map<string, SnapshotComponent[]>();
  private readonly publicAisles: AisleCounts = new Map();
  private readonly privateAisles = new Map<string, AisleCounts>();

  /**
   * @param components every component, in the database's name order
   * @param aisleOrder every aisle, in the database's order
   */
  constructor(
    readonly generation: number,
    components: readonly StoredComponent[],
    private readonly aisleOrder: readonly string[],
  ) {
    components.forEach((c, rank) => {
      const entry: SnapshotComponent = { ...c, rank, cursor: encodeCursor(c.name), model: toComponentModel(c) };
      this.byName.set(c.name, entry);
      const isPublic = c.visibility === 'public';
      if (isPublic) this.publicList.push(entry);
      else getOrCreate(this.privateLists, c.organization, () => []).push(entry);
      const counts = isPublic ? this.publicAisles : getOrCreate(this.privateAisles, c.organization, () => new Map());
      counts.set(c.aisle, (counts.get(c.aisle) ?? 0) + 1);
    });
  }

  /** The component of that name whoever may see it (the caller checks visibility). */
  held(name: string): SnapshotComponent | undefined {
    return this.byName.get(name);
  }

  /** How many components the snapshot holds, whoever may see them. */
  get size(): number {
    return this.byName.size;
  }

  /** The component of that name if the viewer may see it (public, or of the viewer's organization). */
  visible(viewer: Viewer, name: string): SnapshotComponent | undefined {
    const c = this.byName.get(name);
    return c && (c.visibility === 'public' || c.organization === viewer.organization) ? c : undefined;
  }

  /** Aisles with the number of components the viewer can see on each, in the database's order. */
  aisles(viewer: Viewer): Array<{ name: string; components: number }> {
    const own = viewer.organization === undefined ? undefined : this.privateAisles.get(viewer.organization);
    const out: Array<{ name: string; components: number }> = [];
    for (const name of this.aisleOrder) {
      const components = (this.publicAisles.get(name) ?? 0) + (own?.get(name) ?? 0);
      if (components > 0) out.push({ name, components });
    }
    return out;
  }

  /**
   * Up to `first` components after the named one, in name order, and whether more follow;
   * undefined when the database must answer (a text search, or a cursor's name not held here).
   */
  page(viewer: Viewer, filter: ComponentFilter, after: string | undefined, first: number): { components: SnapshotComponent[]; hasNextPage: boolean } | undefined {
    if (filter.search) return undefined;
    let afterRank = -1;
    if (after !== undefined) {
      const c = this.byName.get(after);
      if (!c) return undefined;
      afterRank = c.rank;
    }
    const components: SnapshotComponent[] = [];
    for (const c of this.walk(viewer, afterRank)) {
      if (!componentMatchesFilter(c, filter)) continue;
      if (components.length === first) return { components, hasNextPage: true };
      components.push(c);
    }
    return { components, hasNextPage: false };
  }

  /** How many components match a filter for this viewer; undefined for a text search (the database counts). */
  count(viewer: Viewer, filter: ComponentFilter): number | undefined {
    if (filter.search) return undefined;
    const own = this.ownList(viewer);
    if (!filter.certifiedOnly) {
      if (!filter.aisle) return this.publicList.length + own.length;
      const ownAisles = viewer.organization === undefined ? undefined : this.privateAisles.get(viewer.organization);
      return (this.publicAisles.get(filter.aisle) ?? 0) + (ownAisles?.get(filter.aisle) ?? 0);
    }
    let n = 0;
    for (const c of this.publicList) if (componentMatchesFilter(c, filter)) n += 1;
    for (const c of own) if (componentMatchesFilter(c, filter)) n += 1;
    return n;
  }

  // The viewer's catalog after a rank, in name order: the public list and the organization's merged as they go.
  private *walk(viewer: Viewer, afterRank: number): Generator<SnapshotComponent> {
    const a = this.publicList;
    const b = this.ownList(viewer);
    let i = firstAfter(a, afterRank);
    let j = firstAfter(b, afterRank);
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i]!.rank < b[j]!.rank)) yield a[i++]!;
      else yield b[j++]!;
    }
  }

  private ownList(viewer: Viewer): readonly SnapshotComponent[] {
    return (viewer.organization === undefined ? undefined : this.privateLists.get(viewer.organization)) ?? [];
  }
}

// Index of the first entry with a rank above `rank` (lists are in rank order).
function firstAfter(list: readonly SnapshotComponent[], rank: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.rank <= rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
