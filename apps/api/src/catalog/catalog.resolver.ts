import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiError } from '../common/api-error.js';
import type { RequestContext } from '../common/request-context.js';
import { MAX_PAGE_SIZE } from '../common/query-cost.js';
import { CatalogService, DEFAULT_PAGE_SIZE } from './catalog.service.js';
import { ComponentsArgs } from './dto/components.args.js';
import { ValidateInputsArgs } from './dto/validate-inputs.args.js';
import { AisleModel } from './models/aisle.model.js';
import { ComponentConnectionModel } from './models/component-connection.model.js';
import { ComponentModel } from './models/component.model.js';
import { InputValidationModel } from './models/input-validation.model.js';

@Resolver(() => ComponentConnectionModel)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => [AisleModel], { description: 'Aisles and how many components each holds.' })
  aisles(@Context() ctx: RequestContext): Promise<AisleModel[]> {
    return this.catalog.aisles(ctx.viewer, ctx.versions);
  }

  @Query(() => ComponentConnectionModel, { description: 'Components by name, a page at a time.' })
  components(@Args() args: ComponentsArgs, @Context() ctx: RequestContext): Promise<ComponentConnectionModel> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (first < 0 || first > MAX_PAGE_SIZE) throw ApiError.of('INPUT_INVALID', 'first', `must be between 0 and ${MAX_PAGE_SIZE}`);
    const filter = { aisle: args.aisle ?? undefined, search: args.search ?? undefined, certifiedOnly: args.certifiedOnly ?? undefined };
    return this.catalog.page(ctx.viewer, ctx.versions, filter, first, args.after ?? undefined);
  }

  @ResolveField(() => Int, { description: 'How many components match, over all pages.' })
  totalCount(@Parent() connection: ComponentConnectionModel, @Context() ctx: RequestContext): Promise<number> {
    return this.catalog.count(ctx.viewer, ctx.versions, connection.filter);
  }

  @Query(() => ComponentModel, { nullable: true, description: 'A component by name; null when there is none you can see.' })
  async component(@Args('name', { description: 'A global name (postgresql) or one in an organization’s scope (acme/vault).' }) name: string, @Context() ctx: RequestContext): Promise<ComponentModel | null> {
    return (await this.catalog.component(ctx.viewer, ctx.versions, name))?.model ?? null;
  }

  @Query(() => InputValidationModel, { description: 'Checks input values for a component version; values are never echoed back.' })
  validateInputs(@Args() args: ValidateInputsArgs, @Context() ctx: RequestContext): Promise<InputValidationModel> {
    return this.catalog.validateInputs(ctx.viewer, ctx.versions, args.component, args.range ?? '*', args.inputs, ctx.budget);
  }
}
