import type { ComponentVersionEntity } from '../database/entities/component-version.entity.js';

/** The columns a StoredVersion needs but its manifest (read only when not parsed before); not the certification record. */
export const VERSION_COLUMNS = ['id', 'component_id', 'version', 'digest', 'deprecated', 'certification_level', 'certification_verified', 'certifier', 'issued_at', 'certification_reason', 'source', 'published_at']
  .map((c) => `v.${c}`)
  .join(', ');

/** A raw row of VERSION_COLUMNS; PostgreSQL and SQLite differ only in how booleans and integers arrive. */
export interface VersionRow {
  id: number | string;
  component_id: number | string;
  version: string;
  digest: string;
  deprecated: string | null;
  certification_level: string;
  certification_verified: boolean | number;
  certifier: string | null;
  issued_at: string | null;
  certification_reason: string | null;
  source: string;
  published_at: string;
  /** The component's name: a version's identity, which its manifest may spell otherwise (a private one moved into its scope). */
  component_name: string;
}

/** A version row's columns as the entity names them, with its component's name. */
export function fromVersionRow(r: VersionRow): Omit<ComponentVersionEntity, 'component' | 'certificationRecord' | 'manifest'> & { componentName: string } {
  return {
    componentName: r.component_name,
    id: Number(r.id),
    componentId: Number(r.component_id),
    version: r.version,
    digest: r.digest,
    deprecated: r.deprecated,
    certificationLevel: r.certification_level,
    certificationVerified: Boolean(r.certification_verified),
    certifier: r.certifier,
    issuedAt: r.issued_at,
    certificationReason: r.certification_reason,
    source: r.source,
    publishedAt: r.published_at,
  };
}
