import type { KitManifest } from '../manifest/index.js';
import type { CertificationStatus } from './component-version.js';

/** One loaded, validated kit version: a ready-made app the catalog indexes beside its components. */
export interface KitVersion {
  name: string;
  version: string;
  digest: string;
  kit: KitManifest;
  /** Where it came from (a file path), for diagnostics. */
  source: string;
  deprecated?: string;
  certification: CertificationStatus;
}

/** The lower-case text a free-text search matches a kit against, as searchText does for a component. */
export function kitSearchText(kit: KitManifest): string {
  const components = Object.values(kit.spec.instances).map((i) => i.component.split('@')[0]!);
  return [kit.metadata.name, kit.metadata.title, kit.metadata.description, ...(kit.metadata.keywords ?? []), ...components, kit.metadata.aisle, 'kit']
    .join(' ')
    .toLowerCase();
}
