import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AisleModel } from '../catalog/models/aisle.model.js';
import { KitStore } from './kit-store.js';
import { KitModel } from './models/kit.model.js';
import { toKitModel } from './to-kit-model.js';

@Resolver(() => KitModel)
export class KitsResolver {
  constructor(private readonly store: KitStore) {}

  @Query(() => [KitModel], { description: 'App kits (latest versions), by text and aisle, as `aisle search` finds them.' })
  kits(
    @Args('aisle', { type: () => String, nullable: true }) aisle?: string | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
  ): KitModel[] {
    return this.store.search(search ?? undefined, aisle ?? undefined).map((k) => toKitModel(k, this.store.versions(k.name)));
  }

  @Query(() => KitModel, { nullable: true, description: 'An app kit by name (its latest version); null when there is none.' })
  kit(@Args('name') name: string): KitModel | null {
    const k = this.store.latest(name);
    return k ? toKitModel(k, this.store.versions(name)) : null;
  }
}

@Resolver(() => AisleModel)
export class AisleKitsResolver {
  constructor(private readonly store: KitStore) {}

  @ResolveField(() => Int, { description: 'App kits on this aisle.' })
  kits(@Parent() aisle: AisleModel): number {
    return this.store.countOn(aisle.name);
  }
}
