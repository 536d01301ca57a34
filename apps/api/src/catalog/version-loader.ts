import DataLoader from 'dataloader';
import type { CatalogReadModel, GenerationView } from './catalog-read-model.js';
import type { StoredVersion } from './stored-component.js';

/**
 * One request's catalog: the generation it reads (checked once, at its first use) and the
 * versions of components by id, newest first. The versions of every component on a page
 * come back in one call, and from memory when the generation has read them before. Ids
 * come only from components the viewer could already see.
 */
export class VersionLoader extends DataLoader<number, StoredVersion[]> {
  /** The catalog generation this request reads: the same one for all its fields. */
  readonly generation: () => Promise<GenerationView>;

  /** `known`: the generation this request already read, when something before the resolvers read it. */
  constructor(readModel: CatalogReadModel, known?: number) {
    let view: Promise<GenerationView> | undefined;
    const generation = () => (view ??= known === undefined ? readModel.current() : readModel.at(known));
    super((ids) => generation().then((g) => g.versions.load(ids)));
    this.generation = generation;
  }
}

/** A loader for one request; `known` as for the constructor. */
export function createVersionLoader(readModel: CatalogReadModel, known?: number): VersionLoader {
  return new VersionLoader(readModel, known);
}
