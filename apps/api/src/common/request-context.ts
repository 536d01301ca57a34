import type { Viewer } from '../auth/viewer.js';
import type { VersionLoader } from '../catalog/version-loader.js';

/** What every resolver of one request shares: who asks, and the request's loaders. */
export interface RequestContext {
  viewer: Viewer;
  versions: VersionLoader;
  /** Set when the Authorization header does not verify: the request is refused before execution. */
  authError?: Error;
}
