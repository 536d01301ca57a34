import { parseComponentRef } from '../../../../libs/catalog/index.js';
import { composeApp } from '../../../../libs/composition/index.js';
import { hasErrors } from '../../../../libs/diagnostics/index.js';
import { parseAppSpec } from '../../../../libs/manifest/index.js';
import { isTargetAvailable, LOCK_FILE, RENDERERS, type BundleFile, type Target } from '../../../../libs/render/index.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { VersionLoader } from '../catalog/version-loader.js';
import { ApiError } from '../common/api-error.js';
import type { CompositionBudget } from '../common/composition-budget.js';
import { runInOwnTurn } from '../common/run-in-own-turn.js';

const WARM_UP_APP = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: warm-up }\ninstances:\n  db: { component: postgresql }\n';

/** A bundle: files (aisle.lock among them) and the warnings that did not block. */
export interface ComposedBundle {
  files: BundleFile[];
  lock: string;
  warnings: ReturnType<typeof composeApp>['warnings'];
}

/**
 * Composition over GraphQL: the same parsing, composition and renderers as
 * `aisle compose`, against the components this viewer can see. No side effects.
 */
export class ComposeService {
  constructor(private readonly catalog: CatalogService) {
    // The app-spec schema compiles on first use (a few hundred milliseconds): at start, not in someone's request.
    parseAppSpec(WARM_UP_APP, 'app');
  }

  /**
   * Composes an app spec (YAML or JSON text) and renders it for a target, paying the
   * request's budget first: its characters before parsing, its instances before composing.
   */
  async compose(viewer: Viewer, loader: VersionLoader, text: string, target: Target, budget: CompositionBudget): Promise<ComposedBundle> {
    budget.spendText(text.length);
    // Each step is synchronous work the budget bounds, run in its own turn of the event loop (graphql-js starts every
    // root field in one turn, and SQLite answers within it): between steps, others are answered.
    const parsed = await runInOwnTurn(() => parseAppSpec(text, 'app'));
    if (!parsed.value) throw new ApiError(parsed.diagnostics);
    const spec = parsed.value;
    if (!isTargetAvailable(target)) throw ApiError.of('INPUT_INVALID', 'target', `the ${target} renderer is not available in this build`);
    budget.spendInstances(Object.keys(spec.instances).length);
    const names = Object.values(spec.instances).flatMap((i) => parseComponentRef(i.component).ref?.name ?? []);
    const { index } = await this.catalog.indexFor(viewer, loader, names);
    const result = await runInOwnTurn(() => composeApp(spec, index));
    const app = result.app;
    if (!app || hasErrors(result.diagnostics)) throw new ApiError([...result.diagnostics, ...result.warnings]);
    const files = await runInOwnTurn(() => RENDERERS[target](app));
    const lock = files.find((f) => f.path === LOCK_FILE)?.content ?? '';
    return { files, lock, warnings: [...parsed.diagnostics, ...result.warnings] };
  }
}
