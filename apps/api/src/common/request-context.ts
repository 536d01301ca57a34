import type { Viewer } from '../auth/viewer.js';
import type { VersionLoader } from '../catalog/version-loader.js';
import type { CompositionBudget } from './composition-budget.js';

/** What every resolver of one request shares: who asks, and the request's loaders. */
export interface RequestContext {
  viewer: Viewer;
  versions: VersionLoader;
  /** What this request may still compose or check (compose, validateInputs), over all its fields. */
  budget: CompositionBudget;
  /** Set when the Authorization header does not verify: the request is refused before execution. */
  authError?: Error;
}
