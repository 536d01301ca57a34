import DataLoader from 'dataloader';
import type { CatalogRepository } from './catalog.repository.js';
import type { StoredVersion } from './stored-component.js';

/** Versions of a component by component id, newest first. */
export type VersionLoader = DataLoader<number, StoredVersion[]>;

/**
 * A per-request loader: the versions of every component on a page come back in one
 * query, however many components the page holds. Ids come only from components the
 * viewer could already see.
 */
export function createVersionLoader(repository: CatalogRepository): VersionLoader {
  return new DataLoader<number, StoredVersion[]>(async (ids) => {
    const byId = await repository.versionsOf(ids);
    return ids.map((id) => byId.get(id) ?? []);
  });
}
