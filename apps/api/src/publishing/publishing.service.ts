import { UNCERTIFIED, type ComponentVersion } from '../../../../libs/catalog/index.js';
import { lintManifest, lintVersions, parseCertificationRecord, verifyCertification, type TrustStore } from '../../../../libs/certify/index.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { manifestDigest, parseManifest } from '../../../../libs/manifest/index.js';
import { requireOwner, requireScope } from '../auth/require-scope.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import type { StoredVersion, Visibility } from '../catalog/stored-component.js';
import { ApiError } from '../common/api-error.js';

const PUBLISHED_SOURCE = 'manifest';
const MAX_REASON_LENGTH = 500;

export interface PublishOutcome {
  version: StoredVersion;
  /** False when the same digest was already published (a no-op). */
  created: boolean;
  warnings: Diagnostic[];
}

/**
 * Publishing, deprecating and certifying: the only writes to the catalog after start.
 * Manifests go through the same parsing and lint as `aisle lint`; versions never change.
 */
export class PublishingService {
  constructor(
    private readonly repository: CatalogRepository,
    private readonly trustStore: TrustStore,
  ) {}

  /** Publishes a manifest (YAML or JSON text) as the viewer's organization. */
  async publish(viewer: Viewer, text: string, visibility: Visibility): Promise<PublishOutcome> {
    requireScope(viewer, 'publish');
    const parsed = parseManifest(text, PUBLISHED_SOURCE);
    if (!parsed.value) throw new ApiError(parsed.diagnostics);
    const manifest = parsed.value;
    const lint = lintManifest(manifest, { file: PUBLISHED_SOURCE });
    const { name, version } = manifest.metadata;
    const existing = await this.repository.anyByName(name);
    if (existing) requireOwner(viewer, existing);
    const versions = existing ? ((await this.repository.versionsOf([existing.id])).get(existing.id) ?? []) : [];
    const digest = manifestDigest(manifest);
    const same = versions.find((v) => v.version === version);
    if (same) {
      if (same.digest === digest) return { version: same, created: false, warnings: [] };
      throw ApiError.of('ALREADY_PUBLISHED', 'metadata.version', `${name}@${version} is already published with digest ${same.digest}; a published version never changes, publish a new version instead`);
    }
    const candidate: ComponentVersion = { name, version, digest, manifest, source: PUBLISHED_SOURCE, certification: UNCERTIFIED };
    const crossVersion = lintVersions([...versions.map((v) => ({ manifest: v.manifest, source: v.source })), { manifest, source: PUBLISHED_SOURCE }]).filter((d) => d.file === PUBLISHED_SOURCE);
    const problems = [...parsed.diagnostics, ...lint, ...crossVersion];
    if (problems.some((d) => d.severity === 'error')) throw new ApiError(problems);
    try {
      await this.repository.insertVersion(candidate, { organization: existing?.organization ?? viewer.organization, visibility: existing?.visibility ?? visibility });
    } catch (e) {
      // Another request published this name or version meanwhile (a unique index said no): answer as if it came first.
      const raced = await this.repository.anyByName(name);
      const stored = raced ? (await this.repository.versionsOf([raced.id])).get(raced.id)?.find((v) => v.version === version) : undefined;
      if (!stored) throw e;
      if (stored.digest !== digest) throw ApiError.of('ALREADY_PUBLISHED', 'metadata.version', `${name}@${version} is already published with digest ${stored.digest}; a published version never changes, publish a new version instead`);
      return { version: await this.exact(viewer, name, version), created: false, warnings: [] };
    }
    return { version: await this.exact(viewer, name, version), created: true, warnings: problems };
  }

  /** Marks a version deprecated (ranges then prefer other versions); the manifest itself is untouched. */
  async deprecate(viewer: Viewer, name: string, version: string, reason: string): Promise<StoredVersion> {
    requireScope(viewer, 'publish');
    if (reason.length > MAX_REASON_LENGTH) throw ApiError.of('INPUT_INVALID', 'reason', `must be at most ${MAX_REASON_LENGTH} characters`);
    const found = await this.exact(viewer, name, version);
    const component = (await this.repository.byNames(viewer, [name]))[0]!;
    requireOwner(viewer, component);
    await this.repository.setDeprecated(found.id, found.componentId, reason.trim() || 'deprecated');
    return this.exact(viewer, name, version);
  }

  /** Records a certification signed offline with `aisle certify`, once it verifies against the trust store. */
  async certify(viewer: Viewer, recordText: string): Promise<StoredVersion> {
    requireScope(viewer, 'certify');
    const { record, reason } = parseCertificationRecord(recordText);
    if (!record) throw ApiError.of('CERTIFICATION_INVALID', 'record', reason!);
    const found = await this.exact(viewer, record.component, record.version);
    const status = verifyCertification(recordText, found, this.trustStore);
    if (!status.verified) throw ApiError.of('CERTIFICATION_INVALID', 'record', status.reason ?? 'the record does not verify');
    await this.repository.setCertification(found, status, recordText);
    return this.exact(viewer, record.component, record.version);
  }

  private async exact(viewer: Viewer, name: string, version: string): Promise<StoredVersion> {
    const component = (await this.repository.byNames(viewer, [name]))[0];
    if (!component) throw ApiError.of('COMPONENT_NOT_FOUND', 'component', `no component named "${name}"`);
    const versions = (await this.repository.versionsOf([component.id])).get(component.id) ?? [];
    const found = versions.find((v) => v.version === version);
    if (!found) throw ApiError.of('VERSION_UNSATISFIED', 'version', `${name} has no version ${version}; available: ${versions.map((v) => v.version).join(', ')}`);
    return found;
  }
}
