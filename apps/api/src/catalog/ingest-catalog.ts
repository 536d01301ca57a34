import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CERTIFICATION_FILE, loadCatalog } from '../../../../libs/catalog/index.js';
import { createCatalogVerifier, type TrustStore } from '../../../../libs/certify/index.js';
import { formatDiagnostic } from '../../../../libs/diagnostics/index.js';
import type { JsonLogger } from '../common/json-logger.js';
import type { CatalogRepository } from './catalog.repository.js';

/** The organization shipped components belong to. */
export const LIBRARY_ORGANIZATION = 'aisle';

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

/**
 * Brings the shipped catalog folder into the database: new versions are added (public,
 * owned by the library), known ones left alone, and a shipped version whose digest
 * differs from the stored one refused and logged, because a published version never
 * changes. Running it again changes nothing.
 */
export async function ingestCatalog(dir: string, repository: CatalogRepository, trustStore: TrustStore, logger: JsonLogger): Promise<IngestSummary> {
  const root = dirname(dir);
  const loaded = loadCatalog(dir, { verify: createCatalogVerifier(trustStore), relativeTo: root });
  for (const d of loaded.diagnostics) logger.write('warn', `catalog: ${formatDiagnostic(d)}`, { code: d.code });
  const summary: IngestSummary = { versionsShipped: 0, versionsAdded: 0, versionsAlreadyStored: 0, versionsRefused: 0, versionsCertified: 0, certificationsRecordedNow: 0 };
  for (const name of loaded.index.names()) {
    for (const version of loaded.index.versions(name)) {
      summary.versionsShipped += 1;
      if (version.certification.verified) summary.versionsCertified += 1;
    }
  }
  for (const name of loaded.index.names()) {
    const owner = await repository.anyByName(name);
    if (owner && owner.organization !== LIBRARY_ORGANIZATION) {
      logger.write('error', `catalog: refusing ${name}: the name is already published by another organization`, { component: name });
      summary.versionsRefused += loaded.index.versions(name).length;
      continue;
    }
    const stored = owner ? ((await repository.versionsOf([owner.id])).get(owner.id) ?? []) : [];
    // The component once the first version created it: later versions are added to it.
    let componentId = owner?.id;
    // Oldest first, so "latest" settles on the newest after the last insert.
    for (const version of [...loaded.index.versions(name)].reverse()) {
      const recordFile = join(root, dirname(version.source), CERTIFICATION_FILE);
      const record = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : undefined;
      const existing = stored.find((v) => v.version === version.version);
      if (!existing) {
        try {
          componentId = await repository.insertVersion(version, { componentId, organization: LIBRARY_ORGANIZATION, visibility: 'public' }, record);
          summary.versionsAdded += 1;
          if (version.certification.verified) summary.certificationsRecordedNow += 1;
        } catch (e) {
          // Another instance starting on the same database got there first; only a different digest is a problem.
          const raced = await repository.anyByName(name);
          if (raced?.organization === LIBRARY_ORGANIZATION) componentId = raced.id;
          if (raced && raced.organization !== LIBRARY_ORGANIZATION) {
            logger.write('error', `catalog: refusing ${name}@${version.version}: the name was just published by another organization`, { component: name, version: version.version });
            summary.versionsRefused += 1;
            continue;
          }
          const stored = raced ? (await repository.versionsOf([raced.id])).get(raced.id)?.find((v) => v.version === version.version) : undefined;
          if (!stored) throw e;
          if (stored.digest === version.digest) summary.versionsAlreadyStored += 1;
          else {
            logger.write('error', `catalog: refusing ${name}@${version.version}: its digest differs from the published ${stored.digest}`, { component: name, version: version.version });
            summary.versionsRefused += 1;
          }
        }
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
      if (version.certification.verified && !existing.certification.verified && record !== undefined) {
        await repository.setCertification(existing, version.certification, record);
        summary.certificationsRecordedNow += 1;
      }
      summary.versionsAlreadyStored += 1;
      if (version.deprecated && !existing.deprecated) await repository.setDeprecated(existing.id, existing.componentId, version.deprecated);
    }
  }
  return summary;
}
