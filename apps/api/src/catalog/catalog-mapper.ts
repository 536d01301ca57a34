import type { ComponentManifest } from '../../../../libs/manifest/index.js';
import type { ComponentVersion } from '../../../../libs/catalog/index.js';
import type { ComponentVersionEntity } from '../database/entities/component-version.entity.js';
import type { ComponentEntity } from '../database/entities/component.entity.js';
import type { StoredComponent, StoredVersion, Visibility } from './stored-component.js';
import { LRUCache } from 'lru-cache';

// A digest names immutable content, so a parsed manifest can be shared by every request.
const MAX_CACHED = 5000;
const manifests = new LRUCache<string, ComponentManifest>({ max: MAX_CACHED });

/** A component row as the domain sees it. */
export function toStoredComponent(e: ComponentEntity): StoredComponent {
  return {
    id: e.id,
    name: e.name,
    organization: e.organization,
    visibility: e.visibility as Visibility,
    aisle: e.aisle,
    latestVersion: e.latestVersion,
    latestCertified: Boolean(e.latestCertified),
  };
}

/** The manifest of a digest as parsed before, if this process still holds it. */
export function knownManifest(digest: string): ComponentManifest | undefined {
  return manifests.get(digest);
}

/**
 * A version row as the domain sees it (the manifest parsed once per digest, or given already parsed).
 * Its name is its component's: a private component moved into its scope keeps manifests that spell the old name.
 */
export function toStoredVersion(
  e: Omit<ComponentVersionEntity, 'component' | 'certificationRecord' | 'manifest'> & { manifest: string | ComponentManifest; componentName: string },
): StoredVersion {
  let manifest = typeof e.manifest === 'string' ? manifests.get(e.digest) : e.manifest;
  if (!manifest) {
    manifest = JSON.parse(e.manifest as string) as ComponentManifest;
    manifests.set(e.digest, manifest);
  }
  return {
    id: e.id,
    componentId: e.componentId,
    publishedAt: e.publishedAt,
    name: e.componentName,
    version: e.version,
    digest: e.digest,
    manifest,
    source: e.source,
    deprecated: e.deprecated ?? undefined,
    certification: {
      level: e.certificationLevel === 'certified' ? 'certified' : 'uncertified',
      verified: Boolean(e.certificationVerified),
      certifier: e.certifier ?? undefined,
      issuedAt: e.issuedAt ?? undefined,
      reason: e.certificationReason ?? undefined,
    },
  };
}

/** The columns of a new version row. */
export function toVersionRow(v: ComponentVersion, componentId: number, record: string | undefined, now: string): Omit<ComponentVersionEntity, 'id' | 'component'> {
  return {
    componentId,
    version: v.version,
    digest: v.digest,
    // As published, key order kept: the order of inputs and outputs is how `show` and bundles present them, and the
    // digest (over canonical JSON) does not depend on it. Rows stored before keep the canonical order they were stored in.
    manifest: JSON.stringify(v.manifest),
    deprecated: v.deprecated ?? null,
    certificationLevel: v.certification.level,
    certificationVerified: v.certification.verified,
    certifier: v.certification.certifier?.slice(0, 200) ?? null,
    issuedAt: v.certification.issuedAt ?? null,
    certificationReason: v.certification.reason ?? null,
    certificationRecord: record ?? null,
    source: v.source.slice(0, 300),
    publishedAt: now,
  };
}
