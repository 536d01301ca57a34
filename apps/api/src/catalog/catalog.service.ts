import { CatalogIndex, checkAisle, describeAisle, parseComponentRef, pickVersion, searchWords, type AisleSummary } from '../../../../libs/catalog/index.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { validateInputs } from '../../../../libs/inputs/index.js';
import type { Viewer } from '../auth/viewer.js';
import { ApiError } from '../common/api-error.js';
import type { CompositionBudget } from '../common/composition-budget.js';
import { runInOwnTurn } from '../common/run-in-own-turn.js';
import type { CatalogRepository } from './catalog.repository.js';
import { decodeCursor, encodeCursor } from './component-cursor.js';
import type { ComponentConnectionModel } from './models/component-connection.model.js';
import type { InputValidationModel } from './models/input-validation.model.js';
import type { SnapshotComponent } from './catalog-snapshot.js';
import type { ComponentFilter, StoredVersion } from './stored-component.js';
import { toComponentModel } from './to-graphql-model.js';
import type { VersionLoader } from './version-loader.js';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * Browsing and resolving, for one viewer at a time: everything here goes through the
 * repository's visibility filter, so a private component is simply not there for others.
 */
export class CatalogService {
  constructor(private readonly repository: CatalogRepository) {}

  /** Aisles with counts of visible components, each with its sentence from the list of aisles. */
  async aisles(viewer: Viewer, loader: VersionLoader): Promise<AisleSummary[]> {
    return (await loader.generation()).snapshot.aisles(viewer).map((a) => describeAisle(a.name, a.components));
  }

  /**
   * One page of components; `after` is a cursor from an earlier page. An aisle that is in neither
   * the list nor the viewer's catalog is refused with a suggestion, as `aisle search --aisle` does.
   */
  async page(viewer: Viewer, loader: VersionLoader, filter: ComponentFilter, first: number, after: string | undefined): Promise<ComponentConnectionModel> {
    const afterName = after === undefined ? undefined : decodeCursor(after);
    if (after !== undefined && afterName === undefined) throw ApiError.of('REFERENCE_INVALID', 'after', 'is not a cursor this API gave out');
    const { snapshot, searches } = await loader.generation();
    if (filter.aisle) {
      const unknown = checkAisle(filter.aisle, 'aisle', snapshot.aisles(viewer).map((a) => a.name));
      if (unknown.length > 0) throw new ApiError(unknown);
    }
    // The read model answers from memory with parts built once per generation, a search from the matches the
    // database found for its words in this generation; a cursor the snapshot does not know goes to the database.
    const words = searchWords(filter.search);
    const held = words.length > 0 ? await searches.page(viewer, filter, words, afterName, first) : snapshot.page(viewer, filter, afterName, first);
    let edges: ComponentConnectionModel['edges'];
    let hasNextPage: boolean;
    if (held) {
      edges = held.components.map((c) => ({ cursor: c.cursor, node: c.model }));
      hasNextPage = held.hasNextPage;
    } else {
      const found = await this.repository.page(viewer, filter, afterName, first);
      edges = found.components.map((c) => ({ cursor: encodeCursor(c.name), node: toComponentModel(c) }));
      hasNextPage = found.hasNextPage;
    }
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage, hasPreviousPage: afterName !== undefined, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      filter,
    };
  }

  /** How many components a filter matches for this viewer. */
  async count(viewer: Viewer, loader: VersionLoader, filter: ComponentFilter): Promise<number> {
    const { snapshot, searches } = await loader.generation();
    const words = searchWords(filter.search);
    if (words.length > 0) return searches.count(viewer, filter, words);
    return snapshot.count(viewer, filter) ?? this.repository.count(viewer, filter);
  }

  /** A component by name, or undefined when it does not exist or the viewer may not see it. */
  async component(viewer: Viewer, loader: VersionLoader, name: string): Promise<SnapshotComponent | undefined> {
    return (await loader.generation()).snapshot.visible(viewer, name);
  }

  /** The version `NAME@RANGE` stands for; not-found diagnostics look the same for private and absent components. */
  async resolve(viewer: Viewer, loader: VersionLoader, name: string, range: string, path: string): Promise<StoredVersion> {
    const parsed = parseComponentRef(`${name}@${range}`, path);
    if (!parsed.ref) throw new ApiError(parsed.diagnostics);
    const component = await this.component(viewer, loader, parsed.ref.name);
    if (!component) throw ApiError.of('COMPONENT_NOT_FOUND', path, `no component named "${parsed.ref.name}"`);
    const picked = pickVersion(component.name, await loader.load(component.id), parsed.ref.range, path);
    if (!picked.version) throw new ApiError(picked.diagnostics);
    return picked.version;
  }

  /**
   * Checks input values against a version's inputs schema; problems name the input, never
   * its value. Paid from the request's budget first: one instance and the values' characters.
   */
  async validateInputs(viewer: Viewer, loader: VersionLoader, name: string, range: string, inputs: Record<string, unknown>, budget: CompositionBudget): Promise<InputValidationModel> {
    budget.spendJson(inputs);
    budget.spendInstances(1, false);
    const version = await this.resolve(viewer, loader, name, range, 'component');
    const { diagnostics } = await runInOwnTurn(() => validateInputs(version, inputs));
    // Paths are relative to the inputs; a problem with all of them (too many, too long) is about the argument itself.
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => ({ path: d.path || 'inputs', message: d.message, code: d.code, detail: d.detail ?? null }));
    return { valid: errors.length === 0, version: version.version, errors };
  }

  /**
   * An index of the named components as this viewer sees them, for the composition
   * library: private components of others are left out, so they resolve as unknown.
   */
  async indexFor(viewer: Viewer, loader: VersionLoader, names: readonly string[]): Promise<{ index: CatalogIndex; diagnostics: Diagnostic[] }> {
    const index = new CatalogIndex();
    const diagnostics: Diagnostic[] = [];
    const { snapshot } = await loader.generation();
    const components = [...new Set(names)].slice(0, 200).flatMap((name) => snapshot.visible(viewer, name) ?? []);
    const lists = await loader.loadMany(components.map((c) => c.id));
    for (const list of lists) {
      if (list instanceof Error) throw list;
      for (const v of list) diagnostics.push(...index.add(v));
    }
    return { index, diagnostics };
  }
}
