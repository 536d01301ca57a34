import type { CertificationStatus, ComponentVersion } from '../../libs/catalog/index.js';
import type { ComponentManifest } from '../../libs/manifest/index.js';

/** One generated component: its name and its versions, oldest first. */
export interface ScaleComponent {
  name: string;
  versions: Array<{ version: string; manifest: ComponentManifest; deprecated?: string }>;
}

/** `count` generated components (default 10,000) of SCALE_VERSIONS each, the same on every run. */
export function scaleCatalog(count?: number): ScaleComponent[];
/** The generated catalog as loading yields it: versions newest first, with their digests. */
export function scaleShipped(
  components: readonly ScaleComponent[],
  aisle: { manifestDigest: (m: ComponentManifest) => string; uncertified: CertificationStatus },
): Array<{ name: string; versions: ComponentVersion[] }>;
/** Searches worth running on the generated catalog. */
export const SCALE_SEARCHES: readonly string[];
export const SCALE_VERSIONS: readonly string[];
