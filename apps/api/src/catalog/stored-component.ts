import type { ComponentVersion } from '../../../../libs/catalog/index.js';

export type Visibility = 'public' | 'private';

/** A component as the service stores it: who owns it and who may see it. */
export interface StoredComponent {
  id: number;
  name: string;
  organization: string;
  visibility: Visibility;
  aisle: string;
  latestVersion: string;
  latestCertified: boolean;
}

/** A stored version: the libraries' ComponentVersion plus the row it lives in. */
export interface StoredVersion extends ComponentVersion {
  id: number;
  componentId: number;
  publishedAt: string;
}

/** Filters of the component list; every list also filters by what the viewer may see. */
export interface ComponentFilter {
  aisle?: string;
  search?: string;
  certifiedOnly?: boolean;
}
