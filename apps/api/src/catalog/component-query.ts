import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { searchWords } from '../../../../libs/catalog/index.js';
import type { Viewer } from '../auth/viewer.js';
import { ComponentEntity } from '../database/entities/component.entity.js';
import { whereSearchMatches } from './search-query.js';
import type { ComponentFilter } from './stored-component.js';

/** Components the viewer may see: public ones, and those of the viewer's organization. */
export function visibleComponents(db: DataSource, viewer: Viewer): SelectQueryBuilder<ComponentEntity> {
  const q = db.getRepository(ComponentEntity).createQueryBuilder('c');
  if (viewer.organization === undefined) return q.where("c.visibility = 'public'");
  return q.where(new Brackets((b) => b.where("c.visibility = 'public'").orWhere('c.organization = :org', { org: viewer.organization })));
}

/**
 * Visible components on a filter's aisle, certified if asked, whose stored search text (libs/catalog
 * searchText) holds every word of the search (searchWords), as `aisle search` matches them.
 */
export function filteredComponents(db: DataSource, viewer: Viewer, filter: ComponentFilter): SelectQueryBuilder<ComponentEntity> {
  const q = visibleComponents(db, viewer);
  if (filter.aisle) q.andWhere('c.aisle = :aisle', { aisle: filter.aisle });
  if (filter.certifiedOnly) q.andWhere('c.latest_certified = :certified', { certified: true });
  whereSearchMatches(db, q, searchWords(filter.search));
  return q;
}
