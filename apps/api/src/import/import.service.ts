import { loadCatalog, shippedCatalogDir } from '../../../../libs/catalog/index.js';
import { APP_FILE, importApp, REPORT_FILE, type ImportFormat } from '../../../../libs/import/index.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { VersionLoader } from '../catalog/version-loader.js';
import { ApiError } from '../common/api-error.js';
import type { CompositionBudget } from '../common/composition-budget.js';
import { runInOwnTurn } from '../common/run-in-own-turn.js';
import type { ImportFormatValue } from './dto/import-preview.args.js';
import type { ImportPreviewModel } from './models/import-preview.model.js';

/**
 * `importPreview`: the import library over GraphQL, writing nothing. Services are matched
 * against the library's components (the shipped catalog's names) this viewer can see.
 */
export class ImportService {
  private names?: string[];

  constructor(private readonly catalog: CatalogService) {}

  async preview(viewer: Viewer, loader: VersionLoader, text: string, format: ImportFormat | undefined, budget: CompositionBudget): Promise<ImportPreviewModel> {
    budget.spendText(text.length);
    this.names ??= loadCatalog(shippedCatalogDir()).index.names();
    const { index } = await this.catalog.indexFor(viewer, loader, this.names);
    const { result, diagnostics } = await runInOwnTurn(() => importApp(text, { file: 'text', catalog: index, ...(format ? { format } : {}) }));
    if (!result) throw new ApiError(diagnostics);
    return {
      format: result.format as ImportFormatValue,
      app: result.files.find((f) => f.path === APP_FILE)!.content,
      drafts: result.drafts.map((m) => ({
        name: m.metadata.name,
        version: m.metadata.version,
        manifest: result.files.find((f) => f.path === `catalog/${m.metadata.name}/${m.metadata.version}/component.yaml`)!.content,
      })),
      entries: result.report.entries.map((e) => ({ source: e.source, status: e.status, target: e.target ?? null, reason: e.reason ?? null })),
      lint: Object.entries(result.report.lint).flatMap(([draft, list]) => list.map((d) => ({ draft, path: d.path, message: d.message, rule: d.rule ?? null }))),
      report: result.files.find((f) => f.path === REPORT_FILE)!.content,
    };
  }
}
