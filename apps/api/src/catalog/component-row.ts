import type { StoredComponent, Visibility } from './stored-component.js';

// What a StoredComponent needs: not the search text, which only the WHERE clause reads.
export const PAGE_COLUMNS = ['c.id', 'c.name', 'c.organization', 'c.visibility', 'c.aisle', 'c.latestVersion', 'c.latestCertified'];

/** A raw row of the page query (TypeORM's `c_` aliases); booleans arrive as 0/1 from SQLite. */
export interface ComponentRow {
  c_id: number | string;
  c_name: string;
  c_organization: string;
  c_visibility: string;
  c_aisle: string;
  c_latest_version: string;
  c_latest_certified: boolean | number;
}

/** A page query's row as the domain sees it. */
export function fromComponentRow(r: ComponentRow): StoredComponent {
  return {
    id: Number(r.c_id),
    name: r.c_name,
    organization: r.c_organization,
    visibility: r.c_visibility as Visibility,
    aisle: r.c_aisle,
    latestVersion: r.c_latest_version,
    latestCertified: Boolean(r.c_latest_certified),
  };
}
