import type { DataSource, EntityManager } from 'typeorm';
import { pickVersion, searchText, type ComponentVersion } from '../../../../libs/catalog/index.js';
import { CatalogStateEntity } from '../database/entities/catalog-state.entity.js';
import { ComponentVersionEntity } from '../database/entities/component-version.entity.js';
import { ComponentEntity } from '../database/entities/component.entity.js';
import { retryRead, retryTransaction } from '../database/retry-transient.js';
import { toVersionRow } from './catalog-mapper.js';

/** A stored version as the ingest compares it: by digest, certification and deprecation only. */
export interface StoredDigest {
  id: number;
  digest: string;
  verified: boolean;
  deprecated: string | null;
}

/** A stored component with its versions by number. */
export interface StoredNames {
  componentId: number;
  organization: string;
  versions: Map<string, StoredDigest>;
}

/** Versions to store: a new component's (componentId absent) or more of an existing one's. */
export interface VersionsToAdd {
  name: string;
  componentId?: number;
  /** The component's stored versions, which may remain its latest. */
  stored: ReadonlyMap<string, StoredDigest>;
  versions: readonly ComponentVersion[];
}

// Rows per INSERT: 500 versions of 13 columns stay under SQLite's 32,766 bound variables and PostgreSQL's 65,535.
const BATCH = 500;

const COMPONENT_COLUMNS = ['name', 'organization', 'visibility', 'aisle', 'search_text', 'latest_version', 'latest_certified', 'created_at'];
const VERSION_COLUMNS = [
  'component_id',
  'version',
  'digest',
  'manifest',
  'deprecated',
  'certification_level',
  'certification_verified',
  'certifier',
  'issued_at',
  'certification_reason',
  'certification_record',
  'source',
  'published_at',
];

/**
 * The shipped catalog's ingest as a few statements, whatever the catalog's size: every stored version read in
 * one query, and new ones written in one transaction of multi-row inserts, each component created with the
 * summary of its latest version already worked out (the list filters on it, see CatalogRepository).
 */
export class IngestStore {
  constructor(private readonly db: DataSource) {}

  /** Every stored component by name, with its versions' digests: one query. */
  async stored(): Promise<Map<string, StoredNames>> {
    const rows = (await retryRead(() =>
      this.db.query(
        `SELECT c.id AS component_id, c.name, c.organization, v.id, v.version, v.digest, v.certification_verified, v.deprecated FROM ${this.table(ComponentEntity)} c LEFT JOIN ${this.table(ComponentVersionEntity)} v ON v.component_id = c.id`,
      ),
    )) as Array<{
      component_id: number | string;
      name: string;
      organization: string;
      id: number | string | null;
      version: string | null;
      digest: string | null;
      certification_verified: boolean | number | null;
      deprecated: string | null;
    }>;
    const byName = new Map<string, StoredNames>();
    for (const r of rows) {
      let component = byName.get(r.name);
      if (!component) byName.set(r.name, (component = { componentId: Number(r.component_id), organization: r.organization, versions: new Map() }));
      if (r.version !== null) component.versions.set(r.version, { id: Number(r.id), digest: r.digest!, verified: Boolean(r.certification_verified), deprecated: r.deprecated });
    }
    return byName;
  }

  /**
   * Stores the versions, public and owned by `organization`, in one transaction that also moves the catalog's
   * generation once. A unique index saying no (another instance stored some meanwhile) fails the whole of it:
   * the caller reads again and decides anew.
   */
  async add(additions: readonly VersionsToAdd[], organization: string, recordOf: (v: ComponentVersion) => string | undefined): Promise<void> {
    if (additions.length === 0) return;
    await retryTransaction(this.db, async (manager) => {
      const now = new Date().toISOString();
      const ids = new Map<string, number>();
      const created = additions.filter((a) => a.componentId === undefined);
      for (let i = 0; i < created.length; i += BATCH) {
        const rows = created.slice(i, i + BATCH).map((a) => {
          const latest = latestOf(a)!;
          return [a.name, organization, 'public', latest.manifest.metadata.aisle, searchText(latest.manifest, a.name), latest.version, latest.certification.level === 'certified', now];
        });
        const returned = (await this.insert(manager, this.table(ComponentEntity), COMPONENT_COLUMNS, rows, 'id, name')) as Array<{ id: number | string; name: string }>;
        for (const r of returned) ids.set(r.name, Number(r.id));
      }
      const versionRows: unknown[][] = [];
      for (const a of additions) {
        const componentId = a.componentId ?? ids.get(a.name)!;
        for (const v of a.versions) {
          const row = toVersionRow(v, componentId, recordOf(v), now);
          versionRows.push([
            row.componentId,
            row.version,
            row.digest,
            row.manifest,
            row.deprecated,
            row.certificationLevel,
            row.certificationVerified,
            row.certifier,
            row.issuedAt,
            row.certificationReason,
            row.certificationRecord,
            row.source,
            row.publishedAt,
          ]);
        }
        // A component that had versions keeps its summary unless one of the new ones is now its latest.
        const latest = a.componentId === undefined ? undefined : latestOf(a);
        if (latest) {
          await manager.getRepository(ComponentEntity).update(
            { id: a.componentId },
            { aisle: latest.manifest.metadata.aisle, searchText: searchText(latest.manifest, a.name), latestVersion: latest.version, latestCertified: latest.certification.level === 'certified' },
          );
        }
      }
      for (let i = 0; i < versionRows.length; i += BATCH) await this.insert(manager, this.table(ComponentVersionEntity), VERSION_COLUMNS, versionRows.slice(i, i + BATCH));
      await manager.getRepository(CatalogStateEntity).increment({ id: 1 }, 'generation', 1);
    });
  }

  // One multi-row INSERT; booleans as the driver stores them (SQLite has none: 1 and 0, as TypeORM writes them).
  private async insert(manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][], returning?: string): Promise<unknown> {
    const sqlite = this.db.options.type !== 'postgres';
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const placeholders = row.map((value) => {
        values.push(sqlite && typeof value === 'boolean' ? Number(value) : value);
        return this.db.driver.createParameter(`p${values.length - 1}`, values.length - 1);
      });
      return `(${placeholders.join(', ')})`;
    });
    return manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${returning ? ` RETURNING ${returning}` : ''}`, values);
  }

  // The escaped (schema-qualified on PostgreSQL) table name of an entity.
  private table(entity: typeof ComponentEntity | typeof ComponentVersionEntity): string {
    return this.db
      .getMetadata(entity)
      .tablePath.split('.')
      .map((p) => this.db.driver.escape(p))
      .join('.');
  }
}

/** The version a bare name picks among stored and new ones, when it is one of the new (pickVersion's rule). */
function latestOf(a: VersionsToAdd): ComponentVersion | undefined {
  const candidates = [
    ...[...a.stored].map(([version, s]) => ({ version, deprecated: s.deprecated ?? undefined, added: undefined })),
    ...a.versions.map((v) => ({ version: v.version, deprecated: v.deprecated, added: v })),
  ];
  return pickVersion(a.name, candidates, 'latest', '').version?.added;
}
