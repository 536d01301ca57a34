import { CatalogIndex, loadCatalog, pickVersion, type KitVersion } from '../../../../libs/catalog/index.js';
import { createCatalogVerifier, type TrustStore } from '../../../../libs/certify/index.js';

/**
 * The shipped catalog's app kits, read once from the catalog folder at start: kits are
 * library content (not published through the service), each certification checked
 * against the trust store as the ingest checks components'.
 */
export class KitStore {
  private readonly index: CatalogIndex;

  constructor(catalogDir: string | undefined, trustStore: TrustStore) {
    this.index = catalogDir ? loadCatalog(catalogDir, { verify: createCatalogVerifier(trustStore) }).index : new CatalogIndex();
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
