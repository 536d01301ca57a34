import { CatalogIndex, loadCatalog, pickVersion, type KitVersion } from '../../../../libs/catalog/index.js';
import { createCatalogVerifier, type TrustStore } from '../../../../libs/certify/index.js';

/**
 * The shipped catalog's app kits, read once from the catalog folder when first asked for:
 * kits are library content (not published through the service), each certification
 * checked against the trust store as the ingest checks components'. Not at start: reading
 * the folder is a whole second catalog load (parsing, validation, signatures), which the
 * service's start-up would pay before its first answer even when nobody browses kits.
 */
export class KitStore {
  private loaded?: CatalogIndex;

  constructor(
    private readonly catalogDir: string | undefined,
    private readonly trustStore: TrustStore,
  ) {}

  private get index(): CatalogIndex {
    return (this.loaded ??= this.catalogDir ? loadCatalog(this.catalogDir, { verify: createCatalogVerifier(this.trustStore) }).index : new CatalogIndex());
  }

  /** Latest kit versions matching free text and an aisle, as `aisle search` ranks them. */
  search(text?: string, aisle?: string): KitVersion[] {
    return this.index.searchKits(text ?? '', aisle);
  }

  /** The latest version of a kit, undefined when there is none. */
  latest(name: string): KitVersion | undefined {
    return pickVersion(name, this.index.kitVersions(name), 'latest', '').version;
  }

  /** Every version of a kit, newest first. */
  versions(name: string): readonly KitVersion[] {
    return this.index.kitVersions(name);
  }

  /** How many kits sit on an aisle. */
  countOn(aisle: string): number {
    return this.index.aisles().find((a) => a.name === aisle)?.kits ?? 0;
  }
}
