import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parseComponentRef, resolveVersion } from '../../../../libs/catalog/index.js';
import { ApiError } from '../common/api-error.js';
import type { RequestContext } from '../common/request-context.js';
import { ComponentVersionModel } from './models/component-version.model.js';
import { ComponentModel } from './models/component.model.js';
import { toVersionModel } from './to-graphql-model.js';

@Resolver(() => ComponentModel)
export class ComponentResolver {
  @ResolveField(() => ComponentVersionModel, { description: 'The newest stable version that is not deprecated.' })
  async latest(@Parent() component: ComponentModel, @Context() ctx: RequestContext): Promise<ComponentVersionModel> {
    const versions = await ctx.versions.load(component.id);
    const result = resolveVersion(versions, '*');
    return toVersionModel(result.ok ? result.chosen : versions[0]!);
  }

  @ResolveField(() => [ComponentVersionModel], { description: 'Every version, newest first.' })
  async versions(@Parent() component: ComponentModel, @Context() ctx: RequestContext): Promise<ComponentVersionModel[]> {
    return (await ctx.versions.load(component.id)).map(toVersionModel);
  }

  @ResolveField(() => ComponentVersionModel, { nullable: true, description: 'The version a semver range resolves to; null when none matches.' })
  async version(@Parent() component: ComponentModel, @Args('range') range: string, @Context() ctx: RequestContext): Promise<ComponentVersionModel | null> {
    const parsed = parseComponentRef(`${component.name}@${range}`, 'range');
    if (!parsed.ref) throw new ApiError(parsed.diagnostics);
    const result = resolveVersion(await ctx.versions.load(component.id), parsed.ref.range);
    return result.ok ? toVersionModel(result.chosen) : null;
  }
}
