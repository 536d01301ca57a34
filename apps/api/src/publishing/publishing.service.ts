import { UNCERTIFIED, type ComponentVersion } from '../../../../libs/catalog/index.js';
import { lintManifest, lintVersions, parseCertificationRecord, verifyCertification, type TrustStore } from '../../../../libs/certify/index.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { manifestDigest, parseManifest } from '../../../../libs/manifest/index.js';
import { authorizeTarget, type Actor, type WriteTarget } from '../auth/authorize.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { NameTakenError } from '../catalog/name-taken-error.js';
import { WriteConflictError } from '../catalog/write-conflict-error.js';
import type { StoredVersion, Visibility } from '../catalog/stored-component.js';
import { ApiError } from '../common/api-error.js';
import { DatabaseUnavailableError } from '../database/database-unavailable-error.js';

const PUBLISHED_SOURCE = 'manifest';
const MAX_REASON_LENGTH = 500;
// Decisions per publish: the first, and one after each race it lost to another publish of the same name.
const MAX_DECISIONS = 3;

export interface PublishOutcome {
  version: StoredVersion;
  /** False when the same digest was already published (a no-op). */
  created: boolean;
  warnings: Diagnostic[];
}

/**
 * Publishing, deprecating and certifying: the only writes to the catalog after start.
 * Each takes an Actor (the caller authorized for the mutation) and asks the policy
 * (auth/authorize.ts) what it may write before it reads or writes anything else.
 * Manifests go through the same parsing and lint as `aisle lint`; versions never change.
 */
export class PublishingService {
  constructor(
    private readonly repository: CatalogRepository,
    private readonly trustStore: TrustStore,
  ) {}

  /** Publishes a manifest (YAML or JSON text); `visibility` counts for a new component only. */
  async publish(actor: Actor, text: string, visibility: Visibility | undefined): Promise<PublishOutcome> {
    const parsed = parseManifest(text, PUBLISHED_SOURCE);
    if (!parsed.value) throw new ApiError(parsed.diagnostics);
    const manifest = parsed.value;
    const { name, version } = manifest.metadata;
    // Publishing lints as certification does, except that a rule such as pattern-message only warns here.
    const lint = lintManifest(manifest, { file: PUBLISHED_SOURCE, publishing: true });
    const digest = manifestDigest(manifest);
    const candidate: ComponentVersion = { name, version, digest, manifest, source: PUBLISHED_SOURCE, certification: UNCERTIFIED };
    // When a concurrent publish wins the race (the repository says so), deciding again on what is there now answers
    // as if this request came second: the same manifest is a no-op, another is ALREADY_PUBLISHED, another version is
    // added to the component the winner created, another organization's global name is NOT_OWNER (or, for an admin,
    // written to). Each lost race means another publish was stored; past MAX_DECISIONS the client is told to retry.
    for (let attempt = 1; ; attempt += 1) {
      const target = await authorizeTarget(actor, name, this.repository, visibility);
      const versions = target.component ? await this.versionsOf(target.component.id) : [];
      const same = versions.find((v) => v.version === version);
      if (same) {
        if (same.digest === digest) return { version: same, created: false, warnings: [] };
        throw ApiError.of(
          'ALREADY_PUBLISHED',
          'metadata.version',
          `${name}@${version} is already published with digest ${same.digest}; a published version never changes, publish a new version instead`,
        );
      }
      const crossVersion = lintVersions([...versions.map((v) => ({ manifest: v.manifest, source: v.source })), { manifest, source: PUBLISHED_SOURCE }]).filter(
        (d) => d.file === PUBLISHED_SOURCE,
      );
      const problems = [...parsed.diagnostics, ...lint, ...crossVersion];
      if (problems.some((d) => d.severity === 'error')) throw new ApiError(problems);
      let componentId: number;
      try {
        componentId = await this.repository.insertVersion(candidate, {
          componentId: target.component?.id,
          organization: target.organization,
          visibility: target.visibility,
        });
      } catch (e) {
        if (!(e instanceof WriteConflictError || e instanceof NameTakenError)) throw e;
        if (attempt < MAX_DECISIONS) continue;
        if (e instanceof NameTakenError) throw e;
        throw new DatabaseUnavailableError(e);
      }
      const stored = (await this.versionsOf(componentId)).find((v) => v.version === version);
      if (!stored) throw new Error(`${name}@${version} was not found right after it was stored`);
      return { version: stored, created: true, warnings: problems };
    }
  }

  /** Marks a version deprecated (ranges then prefer other versions); the manifest itself is untouched. */
  async deprecate(actor: Actor, name: string, version: string, reason: string): Promise<StoredVersion> {
    if (reason.length > MAX_REASON_LENGTH) throw ApiError.of('INPUT_INVALID', 'reason', `must be at most ${MAX_REASON_LENGTH} characters`);
    const target = await authorizeTarget(actor, name, this.repository);
    const found = await this.exact(target, version);
    await this.repository.setDeprecated(found.id, found.componentId, reason.trim() || 'deprecated');
    return this.exact(target, version);
  }

  /** Records a certification signed offline with `aisle certify`, once it verifies against the trust store. */
  async certify(actor: Actor, recordText: string): Promise<StoredVersion> {
    const { record, reason } = parseCertificationRecord(recordText);
    if (!record) throw ApiError.of('CERTIFICATION_INVALID', 'record', reason!);
    const target = await authorizeTarget(actor, record.component, this.repository);
    const found = await this.exact(target, record.version);
    const status = verifyCertification(recordText, found, this.trustStore);
    if (!status.verified) throw ApiError.of('CERTIFICATION_INVALID', 'record', status.reason ?? 'the record does not verify');
    await this.repository.setCertification(found, status, recordText);
    return this.exact(target, record.version);
  }

  private async versionsOf(componentId: number): Promise<StoredVersion[]> {
    return (await this.repository.versionsOf([componentId])).get(componentId) ?? [];
  }

  // A version of the component the policy granted; absent ones answer as absent (the policy never grants another organization's private component).
  private async exact(target: WriteTarget, version: string): Promise<StoredVersion> {
    const name = target.name.full;
    if (!target.component) throw ApiError.of('COMPONENT_NOT_FOUND', 'component', `no component named "${name}"`);
    const versions = await this.versionsOf(target.component.id);
    const found = versions.find((v) => v.version === version);
    if (!found)
      throw ApiError.of('VERSION_UNSATISFIED', 'version', `${name} has no version ${version}; available: ${versions.map((v) => v.version).join(', ')}`);
    return found;
  }
}
