import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CERTIFICATION_FILE, loadCatalog, type ComponentVersion } from '../../../../libs/catalog/index.js';
import { createCatalogVerifier, type TrustStore } from '../../../../libs/certify/index.js';
import { formatDiagnostic } from '../../../../libs/diagnostics/index.js';
import type { JsonLogger } from '../common/json-logger.js';
import { isUniqueViolation } from '../database/is-unique-violation.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { IngestStore, StoredDigest, VersionsToAdd } from './ingest-store.js';

/** The organization shipped components belong to. */
export const LIBRARY_ORGANIZATION = 'aisle';

// Instances starting together on one database each lose at most a race per other instance; a few rounds settle it.
const MAX_ROUNDS = 5;

/**
 * What one ingest found and did, counted in versions. Named so that a restart, which adds
 * nothing, cannot be read as "nothing certified": totals of the folder and what this run
 * wrote are apart.
 */
export interface IngestSummary {
  /** Versions in the catalog folder. */
  versionsShipped: number;
  /** Shipped versions stored by this run. */
  versionsAdded: number;
  /** Shipped versions found already stored with the same digest. */
  versionsAlreadyStored: number;
  /** Shipped versions refused (name owned by another organization, or a changed digest). */
  versionsRefused: number;
  /** Shipped versions carrying a certification verified against the trust store, whether recorded now or before. */
  versionsCertified: number;
  /** Certifications this run wrote to the database (new versions', and ones newly certified); 0 on a plain restart. */
  certificationsRecordedNow: number;
}

/** One shipped component: its name and every version the folder holds. */
export interface ShippedComponent {
  name: string;
  versions: readonly ComponentVersion[];
}

/**
 * Brings the shipped catalog folder into the database: new versions are added (public,
 * owned by the library), known ones left alone, and a shipped version whose digest
 * differs from the stored one refused and logged, because a published version never
 * changes. Running it again changes nothing.
 */
export async function ingestCatalog(dir: string, repository: CatalogRepository, store: IngestStore, trustStore: TrustStore, logger: JsonLogger): Promise<IngestSummary> {
  const root = dirname(dir);
  const loaded = loadCatalog(dir, { verify: createCatalogVerifier(trustStore), relativeTo: root });
  for (const d of loaded.diagnostics) logger.write('warn', `catalog: ${formatDiagnostic(d)}`, { code: d.code });
  const shipped = loaded.index.names().map((name) => ({ name, versions: loaded.index.versions(name) }));
  return ingestVersions(shipped, (v) => readRecord(root, v), repository, store, logger);
}

/**
 * Stores loaded versions as ingestCatalog does, in a number of statements that does not grow with the catalog:
 * one read of every stored digest, the comparison in memory, and one transaction for whatever is new. Only a
 * certification recorded or a deprecation noted since the last start costs a write of its own. `recordOf` gives
 * a version's certification record text, read only for versions written now.
 */
export async function ingestVersions(
  shipped: readonly ShippedComponent[],
  recordOf: (v: ComponentVersion) => string | undefined,
  repository: CatalogRepository,
  store: IngestStore,
  logger: JsonLogger,
): Promise<IngestSummary> {
  for (let round = 1; ; round++) {
    const stored = await store.stored();
    const summary: IngestSummary = { versionsShipped: 0, versionsAdded: 0, versionsAlreadyStored: 0, versionsRefused: 0, versionsCertified: 0, certificationsRecordedNow: 0 };
    const additions: VersionsToAdd[] = [];
    const certify: Array<{ version: ComponentVersion; componentId: number }> = [];
    const deprecate: Array<{ version: ComponentVersion; componentId: number; existing: StoredDigest }> = [];
    for (const { name, versions } of shipped) {
      summary.versionsShipped += versions.length;
      summary.versionsCertified += versions.filter((v) => v.certification.verified).length;
      const owner = stored.get(name);
      if (owner && owner.organization !== LIBRARY_ORGANIZATION) {
        logger.write('error', `catalog: refusing ${name}: the name is already published by another organization`, { component: name });
        summary.versionsRefused += versions.length;
        continue;
      }
      const added: ComponentVersion[] = [];
      for (const version of versions) {
        const existing = owner?.versions.get(version.version);
        if (!existing) {
          added.push(version);
          continue;
        }
        if (existing.digest !== version.digest) {
          logger.write('error', `catalog: refusing ${name}@${version.version} from ${version.source}: its digest ${version.digest} differs from the published ${existing.digest}; published versions never change, publish a new version`, {
            component: name,
            version: version.version,
          });
          summary.versionsRefused += 1;
          continue;
        }
        summary.versionsAlreadyStored += 1;
        if (version.certification.verified && !existing.verified) certify.push({ version, componentId: owner!.componentId });
        if (version.deprecated && !existing.deprecated) deprecate.push({ version, componentId: owner!.componentId, existing });
      }
      if (added.length > 0) additions.push({ name, componentId: owner?.componentId, stored: owner?.versions ?? new Map(), versions: added });
    }
    try {
      await store.add(additions, LIBRARY_ORGANIZATION, recordOf);
    } catch (e) {
      // Another instance starting on the same database stored some of these first: read again and decide anew.
      if (isUniqueViolation(e) && round < MAX_ROUNDS) continue;
      throw e;
    }
    for (const a of additions) {
      summary.versionsAdded += a.versions.length;
      summary.certificationsRecordedNow += a.versions.filter((v) => v.certification.verified).length;
    }
    for (const { version, componentId } of certify) {
      const record = recordOf(version);
      const target = (await repository.versionsOf([componentId])).get(componentId)?.find((v) => v.version === version.version);
      if (record === undefined || !target) continue;
      await repository.setCertification(target, version.certification, record);
      summary.certificationsRecordedNow += 1;
    }
    for (const { version, componentId, existing } of deprecate) await repository.setDeprecated(existing.id, componentId, version.deprecated!);
    return summary;
  }
}

// The certification record beside a version's manifest, if there is one.
function readRecord(root: string, version: ComponentVersion): string | undefined {
  const file = join(root, dirname(version.source), CERTIFICATION_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
