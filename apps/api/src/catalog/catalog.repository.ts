import semver from 'semver';
import { type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { pickVersion, searchText, searchWords, type ComponentVersion } from '../../../../libs/catalog/index.js';
import type { ComponentManifest, ComponentName } from '../../../../libs/manifest/index.js';
import type { Viewer } from '../auth/viewer.js';
import { CatalogStateEntity } from '../database/entities/catalog-state.entity.js';
import { ComponentVersionEntity } from '../database/entities/component-version.entity.js';
import { ComponentEntity } from '../database/entities/component.entity.js';
import { retryRead, retryTransaction } from '../database/retry-transient.js';
import { isUniqueViolation } from '../database/is-unique-violation.js';
import { knownManifest, toStoredComponent, toStoredVersion, toVersionRow } from './catalog-mapper.js';
import { fromVersionRow, VERSION_COLUMNS, type VersionRow } from './version-row.js';
import { fromComponentRow, PAGE_COLUMNS, type ComponentRow } from './component-row.js';
import { filteredComponents } from './component-query.js';
import { orderBySearchRank, searchShape, whereSearchMatches } from './search-query.js';
import { NameTakenError } from './name-taken-error.js';
import { WriteConflictError } from './write-conflict-error.js';
import type { ComponentFilter, StoredComponent, StoredVersion, Visibility } from './stored-component.js';
import { LRUCache } from 'lru-cache';

/** Where a new version goes: the component the policy decided on, or a new one owned so. */
export interface VersionOwner {
  /** The existing component, when there is one. */
  componentId?: number;
  organization: string;
  visibility: Visibility;
}

// Shapes of page queries whose SQL is kept: filters present or not, word count, page size (at most 101 each).
const MAX_PAGE_SHAPES = 500;

/**
 * The only code that reads and writes components and versions. Every read for a viewer
 * takes the viewer and filters in SQL; the one read of everything (catalogRows) feeds the
 * read model, which filters by viewer on every answer (CatalogSnapshot).
 */
export class CatalogRepository {
  private generationSql?: string;
  private versionsTable?: string;
  private componentsTable?: string;
  private readonly pageSql = new LRUCache<string, string>({ max: MAX_PAGE_SHAPES });
  private generationStatement?: { get(): { generation: number } | undefined };
  private probe?: Promise<boolean>;

  constructor(private readonly db: DataSource) {}

  /** One page of components ordered by name, after a name; one row more tells whether another page exists. */
  async page(viewer: Viewer, filter: ComponentFilter, after: string | undefined, first: number): Promise<{ components: StoredComponent[]; hasNextPage: boolean }> {
    const words = searchWords(filter.search);
    const q = this.filtered(viewer, filter).select(PAGE_COLUMNS).take(first + 1);
    // A search lists name matches first (search-query.ts); a plain list goes by name.
    if (words.length > 0) orderBySearchRank(this.db, q, words, after);
    else {
      q.orderBy('c.name', 'ASC');
      if (after !== undefined) q.andWhere('c.name > :after', { after });
    }
    // Writing the SQL out costs the query builder more than running it: it is kept per shape of query, and only
    // the parameters (named, so their order follows the text) are bound anew.
    const shape = `${viewer.organization !== undefined}|${Boolean(filter.aisle)}|${Boolean(filter.certifiedOnly)}|${searchShape(words)}|${after !== undefined}|${first}`;
    let sql = this.pageSql.get(shape);
    if (sql === undefined) {
      this.pageSql.set(shape, (sql = q.getQuery()));
    }
    const [text, parameters] = this.db.driver.escapeQueryWithParameters(sql, q.getParameters());
    const rows = (await retryRead(() => this.db.query(text, parameters))) as ComponentRow[];
    return { components: rows.slice(0, first).map(fromComponentRow), hasNextPage: rows.length > first };
  }

  /**
   * The names of every component whose search text holds every word, whoever may see it, in no order: the read
   * model ranks, orders and filters them by viewer in memory (search-results.ts), once per generation and words.
   */
  async searchMatches(words: readonly string[]): Promise<string[]> {
    const q = this.db.getRepository(ComponentEntity).createQueryBuilder('c').select('c.name', 'name');
    whereSearchMatches(this.db, q, words);
    const rows = await retryRead(() => q.getRawMany<{ name: string }>());
    return rows.map((r) => r.name);
  }

  /** How many components match a filter for this viewer. */
  count(viewer: Viewer, filter: ComponentFilter): Promise<number> {
    return retryRead(() => this.filtered(viewer, filter).getCount());
  }

  /**
   * Every component, whoever may see it, and every aisle, each in the database's own order (its
   * collation decides, as it does for pages): what the read model holds. Only the read model calls
   * this, and it filters by viewer on every answer.
   */
  async catalogRows(): Promise<{ components: StoredComponent[]; aisles: string[] }> {
    const components = this.db.getRepository(ComponentEntity).createQueryBuilder('c');
    const rows = await retryRead(() => components.clone().select(PAGE_COLUMNS).orderBy('c.name', 'ASC').getRawMany<ComponentRow>());
    const aisles = await retryRead(() => components.clone().select('c.aisle', 'name').groupBy('c.aisle').orderBy('c.aisle', 'ASC').getRawMany<{ name: string }>());
    return { components: rows.map(fromComponentRow), aisles: aisles.map((a) => a.name) };
  }

  /** A component by name whoever owns it (for the shipped catalog's ingest, which writes as the service itself). */
  async anyByName(name: string, manager: EntityManager = this.db.manager): Promise<StoredComponent | undefined> {
    const row = await this.read(manager, () => manager.getRepository(ComponentEntity).findOne({ where: { name } }));
    return row ? toStoredComponent(row) : undefined;
  }

  /**
   * The component a write by an organization can reach under a name: in that organization's scope,
   * or global and public. Another organization's private component is never read here.
   */
  async componentForWrite(name: ComponentName, organization: string): Promise<StoredComponent | undefined> {
    const where = name.scope === undefined ? { name: name.full, visibility: 'public' } : { name: name.full, organization };
    const row = await this.db.getRepository(ComponentEntity).findOne({ where });
    return row ? toStoredComponent(row) : undefined;
  }

  /** Every version of each component, newest first: one query, and a second for manifests this process has not parsed yet. */
  async versionsOf(componentIds: readonly number[], manager: EntityManager = this.db.manager): Promise<Map<number, StoredVersion[]>> {
    const byComponent = new Map<number, StoredVersion[]>(componentIds.map((id) => [id, []]));
    if (componentIds.length === 0) return byComponent;
    // Plain SQL through TypeORM's query runner (still logged and counted): every page of the browse query runs this,
    // and building it with the query builder and hydrating entities cost more than the query itself.
    this.versionsTable ??= this.tablePath(ComponentVersionEntity);
    this.componentsTable ??= this.tablePath(ComponentEntity);
    const rows = (await this.read(manager, () =>
      manager.query(
        `SELECT ${VERSION_COLUMNS}, c.name AS component_name FROM ${this.versionsTable} v JOIN ${this.componentsTable} c ON c.id = v.component_id WHERE v.component_id IN (${this.placeholders(componentIds.length)})`,
        [...componentIds],
      ),
    )) as VersionRow[];
    // Manifests are immutable per digest and mostly parsed already: only the unknown ones are read (the bulk of the bytes).
    const manifests = new Map<string, string | ComponentManifest>();
    const missing: number[] = [];
    for (const row of rows) {
      const known = knownManifest(row.digest);
      if (known) manifests.set(row.digest, known);
      else missing.push(Number(row.id));
    }
    if (missing.length > 0) {
      const texts = (await this.read(manager, () => manager.query(`SELECT digest, manifest FROM ${this.versionsTable} WHERE id IN (${this.placeholders(missing.length)})`, missing))) as Array<{
        digest: string;
        manifest: string;
      }>;
      for (const t of texts) manifests.set(t.digest, t.manifest);
    }
    for (const row of rows) {
      const manifest = manifests.get(row.digest);
      // A version deleted between the two reads (nothing deletes today) is left out rather than half-read.
      if (manifest !== undefined) byComponent.get(Number(row.component_id))?.push(toStoredVersion({ ...fromVersionRow(row), manifest }));
    }
    for (const list of byComponent.values()) list.sort((a, b) => semver.rcompare(a.version, b.version));
    return byComponent;
  }

  /**
   * Stores a new version (creating its component when `owner.componentId` is absent) and
   * refreshes the component's latest-version summary, in one transaction; returns the
   * component's id. When another write got there first, nothing is written: a name another
   * organization took meanwhile is a NameTakenError (NOT_OWNER), any other lost race (the
   * component now exists, the version is taken) a WriteConflictError, to decide again on.
   */
  async insertVersion(version: ComponentVersion, owner: VersionOwner, record?: string): Promise<number> {
    try {
      return await retryTransaction(this.db, async (manager) => {
        const now = new Date().toISOString();
        let componentId = owner.componentId;
        if (componentId === undefined) {
          // The caller decided on a new component: one that appeared since was not part of that decision (its versions
          // were not linted against this one), so it is a conflict even when it is the caller's own.
          const existing = await this.anyByName(version.name, manager);
          if (existing && existing.organization !== owner.organization) throw new NameTakenError(version.name);
          if (existing) throw new WriteConflictError(version.name);
          const m = version.manifest;
          const row = await manager.getRepository(ComponentEntity).save({
            name: version.name,
            organization: owner.organization,
            visibility: owner.visibility,
            aisle: m.metadata.aisle,
            searchText: searchText(m, version.name),
            latestVersion: version.version,
            latestCertified: version.certification.level === 'certified',
            createdAt: now,
          });
          componentId = row.id;
        }
        await manager.getRepository(ComponentVersionEntity).insert(toVersionRow(version, componentId, record, now));
        await this.refreshSummary(componentId, manager);
        return componentId;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // A unique index said no: the name was created, or the version stored, by a transaction that committed first.
      const winner = owner.componentId === undefined ? await this.anyByName(version.name) : undefined;
      if (winner && winner.organization !== owner.organization) throw new NameTakenError(version.name);
      throw new WriteConflictError(`${version.name}@${version.version}`);
    }
  }

  /** Records a version's deprecation (a note beside it; the manifest itself never changes). */
  async setDeprecated(versionId: number, componentId: number, reason: string | null): Promise<void> {
    await retryTransaction(this.db, async (manager) => {
      await manager.getRepository(ComponentVersionEntity).update({ id: versionId }, { deprecated: reason });
      await this.refreshSummary(componentId, manager);
    });
  }

  /** Records a verified certification of a version. */
  async setCertification(version: StoredVersion, status: ComponentVersion['certification'], record: string): Promise<void> {
    await retryTransaction(this.db, async (manager) => {
      await manager.getRepository(ComponentVersionEntity).update(
        { id: version.id },
        {
          certificationLevel: status.level,
          certificationVerified: status.verified,
          certifier: status.certifier?.slice(0, 200) ?? null,
          issuedAt: status.issuedAt ?? null,
          certificationReason: status.reason ?? null,
          certificationRecord: record,
        },
      );
      await this.refreshSummary(version.componentId, manager);
    });
  }

  /** The catalog's generation: it changes with every write, on every instance sharing the database. */
  async generation(): Promise<number> {
    // Plain SQL (a prepared statement on SQLite): this runs before every cached answer, where TypeORM's overhead would dominate.
    this.generationSql ??= `SELECT generation FROM ${this.tablePath(CatalogStateEntity)} WHERE id = 1`;
    if (this.db.options.type === 'better-sqlite3') {
      const connection = (this.db.driver as unknown as { databaseConnection: { prepare(sql: string): { get(): { generation: number } | undefined } } }).databaseConnection;
      this.generationStatement ??= connection.prepare(this.generationSql);
      return this.generationStatement.get()?.generation ?? 0;
    }
    const rows = (await retryRead(() => this.db.query(this.generationSql!))) as Array<{ generation: number | string }>;
    return Number(rows[0]?.generation ?? 0);
  }

  /** True when the database answers `SELECT 1` within timeoutMs; however many ask at once, one probe at a time reaches it. */
  async ping(timeoutMs: number): Promise<boolean> {
    if (!this.probe) {
      const probe = this.db.query('SELECT 1').then(
        () => true,
        () => false,
      );
      this.probe = probe;
      void probe.then(() => {
        if (this.probe === probe) this.probe = undefined;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, timeoutMs, false)));
    try {
      return await Promise.race([this.probe, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  // The list filters on the latest version's aisle, text and certification, kept on the component row.
  private async refreshSummary(componentId: number, manager: EntityManager): Promise<void> {
    // Every write goes through here, inside its transaction: the generation moves with the data.
    await manager.getRepository(CatalogStateEntity).increment({ id: 1 }, 'generation', 1);
    const versions = (await this.versionsOf([componentId], manager)).get(componentId) ?? [];
    const latest = pickVersion(versions[0]?.name ?? '', versions, 'latest', '').version;
    if (!latest) return;
    const m = latest.manifest;
    await manager.getRepository(ComponentEntity).update(
      { id: componentId },
      { aisle: m.metadata.aisle, searchText: searchText(m, latest.name), latestVersion: latest.version, latestCertified: latest.certification.level === 'certified' },
    );
  }

  // A statement on its own is retried once when it fails transiently; one inside a transaction is not (the transaction
  // is lost with it, and retryTransaction runs the whole of it again).
  private read<T>(manager: EntityManager, query: () => Promise<T>): Promise<T> {
    return manager.queryRunner ? query() : retryRead(query);
  }

  // `?, ?, …` or `$1, $2, …`, as the driver binds.
  private placeholders(count: number): string {
    return Array.from({ length: count }, (_, i) => this.db.driver.createParameter(`p${i}`, i)).join(', ');
  }

  // The escaped (schema-qualified on PostgreSQL) table name of an entity.
  private tablePath(entity: typeof CatalogStateEntity | typeof ComponentVersionEntity | typeof ComponentEntity): string {
    return this.db.getMetadata(entity).tablePath.split('.').map((p) => this.db.driver.escape(p)).join('.');
  }

  private filtered(viewer: Viewer, filter: ComponentFilter): SelectQueryBuilder<ComponentEntity> {
    return filteredComponents(this.db, viewer, filter);
  }
}
