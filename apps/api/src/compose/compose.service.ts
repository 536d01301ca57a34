import { parseComponentRef } from '../../../../libs/catalog/index.js';
import { composeApp } from '../../../../libs/compose/index.js';
import { hasErrors } from '../../../../libs/diagnostics/index.js';
import { parseAppSpec } from '../../../../libs/manifest/index.js';
import { isTargetAvailable, LOCK_FILE, RENDERERS, type BundleFile, type Target } from '../../../../libs/render/index.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { VersionLoader } from '../catalog/version-loader.js';
import { ApiError } from '../common/api-error.js';

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
  constructor(private readonly catalog: CatalogService) {}

  /** Composes an app spec (YAML or JSON text) and renders it for a target. */
  async compose(viewer: Viewer, loader: VersionLoader, text: string, target: Target): Promise<ComposedBundle> {
    const parsed = parseAppSpec(text, 'app');
    if (!parsed.value) throw new ApiError(parsed.diagnostics);
    if (!isTargetAvailable(target)) throw ApiError.of('INPUT_INVALID', 'target', `the ${target} renderer is not available in this build`);
    const names = Object.values(parsed.value.instances).flatMap((i) => parseComponentRef(i.component).ref?.name ?? []);
    const { index } = await this.catalog.indexFor(viewer, loader, names);
    const result = composeApp(parsed.value, index);
    if (!result.app || hasErrors(result.diagnostics)) throw new ApiError([...result.diagnostics, ...result.warnings]);
    const files = RENDERERS[target](result.app);
    const lock = files.find((f) => f.path === LOCK_FILE)?.content ?? '';
    return { files, lock, warnings: [...parsed.diagnostics, ...result.warnings] };
  }
}
