import { parseComponentRef } from '../../../../libs/catalog/index.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { parseAppSpec, type AppSpec } from '../../../../libs/manifest/index.js';
import { parseLock, planOutdated, planUpgrade } from '../../../../libs/upgrade/index.js';
import type { Lock } from '../../../../libs/render/index.js';
import type { Viewer } from '../auth/viewer.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { VersionLoader } from '../catalog/version-loader.js';
import { ApiError } from '../common/api-error.js';
import type { CompositionBudget } from '../common/composition-budget.js';
import { runInOwnTurn } from '../common/run-in-own-turn.js';
import { toProblem } from '../publishing/models/publish-result.model.js';
import type { OutdatedModel } from './models/outdated.model.js';
import type { UpgradePlanModel } from './models/upgrade-plan.model.js';

/** What a request sends: a lock's text, and the app spec's when given. */
export interface DayTwoRequest {
  lock: string;
  app?: string;
}

/**
 * `outdated` and `upgradePlan`: the upgrade library over GraphQL, against the catalog this
 * viewer can see, writing nothing. Only the lock is sent, never the bundle's files: there is
 * no diff, and no secret is read, carried or returned.
 */
export class DayTwoService {
  constructor(private readonly catalog: CatalogService) {}

  async outdated(viewer: Viewer, loader: VersionLoader, request: DayTwoRequest, budget: CompositionBudget): Promise<OutdatedModel> {
    const { lock, spec } = await this.read(request, budget);
    const index = await this.index(viewer, loader, lock, spec);
    const { instances, diagnostics } = await runInOwnTurn(() => planOutdated(lock, index, spec));
    if (diagnostics.length > 0) throw new ApiError(diagnostics);
    return {
      app: lock.app,
      target: lock.target,
      instances: instances.map((i) => ({ ...i, note: i.note ?? null })),
      outdated: instances.filter((i) => i.outdated).length,
    };
  }

  async upgradePlan(
    viewer: Viewer,
    loader: VersionLoader,
    request: DayTwoRequest & { instance?: string; to?: string },
    budget: CompositionBudget,
  ): Promise<UpgradePlanModel> {
    const { lock, spec } = await this.read(request, budget);
    // A plan composes the app (twice without a spec: once to check the lock reproduces it).
    budget.spendInstances(Object.keys(lock.instances).length);
    const index = await this.index(viewer, loader, lock, spec);
    const result = await runInOwnTurn(() => planUpgrade({ lock, lockText: request.lock, catalog: index, spec, instance: request.instance, to: request.to }));
    const { plan } = result;
    if (!plan) throw new ApiError([...result.diagnostics, ...result.warnings]);
    return {
      app: plan.app,
      target: plan.target,
      instances: plan.instances,
      ranges: Object.entries(plan.ranges).map(([instance, component]) => ({ instance, component })),
      refusals: result.diagnostics.map(toProblem),
      warnings: result.warnings.map(toProblem),
    };
  }

  /** The lock and the spec, their characters paid for before either is parsed. */
  private async read(request: DayTwoRequest, budget: CompositionBudget): Promise<{ lock: Lock; spec?: AppSpec }> {
    budget.spendText(request.lock.length + (request.app?.length ?? 0));
    const parsed = await runInOwnTurn(() => parseLock(request.lock, 'lock'));
    if (!parsed.lock) throw new ApiError(parsed.diagnostics);
    if (request.app === undefined) return { lock: parsed.lock };
    const app = await runInOwnTurn(() => parseAppSpec(request.app!, 'app'));
    if (!app.value) throw new ApiError(app.diagnostics as Diagnostic[]);
    return { lock: parsed.lock, spec: app.value };
  }

  /** The catalog the viewer may see, for the components the lock and the spec name. */
  private async index(viewer: Viewer, loader: VersionLoader, lock: Lock, spec: AppSpec | undefined) {
    const names = [
      ...Object.values(lock.instances).map((i) => i.component),
      ...Object.values(spec?.instances ?? {}).flatMap((i) => parseComponentRef(i.component).ref?.name ?? []),
    ];
    return (await this.catalog.indexFor(viewer, loader, [...new Set(names)])).index;
  }
}
