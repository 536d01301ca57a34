import type { AisleSummary, CatalogIndex, ComponentVersion, KitVersion } from '../../../../libs/catalog/index.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import type { AppSpec } from '../../../../libs/manifest/index.js';

/**
 * Where the catalog commands find components: the local catalog folder, or an Aisle
 * service (`--registry`). Either way the commands run the same code on a CatalogIndex,
 * so their output, exit codes and `--json` do not depend on where components came from.
 */
export interface CatalogSource {
  /** Aisles with the number of components on each, sorted by name. */
  aisles(): Promise<AisleSummary[]>;
  /**
   * Latest versions matching text and aisle, ranked as CatalogIndex.search ranks them; a warning
   * when a service had more matches than one answer reads.
   */
  search(text: string, aisle?: string): Promise<{ versions: ComponentVersion[]; kits?: KitVersion[]; diagnostics: Diagnostic[] }>;
  /**
   * An index holding every version of the components these references name (`NAME[@RANGE]`):
   * enough to resolve, show and compose them as the whole catalog would. A day-two
   * command (`outdated`) asks the same for the components of an aisle.lock.
   */
  indexFor(references: readonly string[]): Promise<CatalogIndex>;
}

/** The local catalog folder as a source: every answer from the one loaded index. */
export function localCatalogSource(catalog: () => CatalogIndex): CatalogSource {
  return {
    aisles: async () => catalog().aisles(),
    search: async (text, aisle) => ({ versions: catalog().search(text, aisle), kits: catalog().searchKits(text, aisle), diagnostics: [] }),
    indexFor: async () => catalog(),
  };
}

/** The component references an app spec's instances make, for CatalogSource.indexFor. */
export function appReferences(spec: AppSpec): string[] {
  return Object.values(spec.instances ?? {}).flatMap((i) => (typeof i?.component === 'string' ? [i.component] : []));
}
