import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parseComponentRef, pickVersion } from '../../../../libs/catalog/index.js';
import { ApiError } from '../common/api-error.js';
import type { RequestContext } from '../common/request-context.js';
import { ComponentVersionModel } from './models/component-version.model.js';
import { ComponentModel } from './models/component.model.js';
import { toVersionModel } from './to-graphql-model.js';
import { latestVersionModel, versionModels } from './version-list-models.js';

/**
 * The versions of a component. `latest` and `versions` run for every component of a page, so
 * they take GraphQL's own (parent, args, context) without parameter decorators: Nest then calls
 * them directly instead of through its pipes and argument mapping, which cost more than they do.
 */
@Resolver(() => ComponentModel)
export class ComponentResolver {
  @ResolveField(() => ComponentVersionModel, { description: 'The version a bare name picks: the newest stable version that is not deprecated (else the newest prerelease that is not, else the newest).' })
  async latest(component: ComponentModel, _args: unknown, ctx: RequestContext): Promise<ComponentVersionModel> {
    // A stored component has at least one version, so a bare name always picks one.
    return latestVersionModel(component.name, await ctx.versions.load(component.id))!;
  }

  @ResolveField(() => [ComponentVersionModel], { description: 'Every version, newest first.' })
  async versions(component: ComponentModel, _args: unknown, ctx: RequestContext): Promise<ComponentVersionModel[]> {
    return versionModels(await ctx.versions.load(component.id));
  }

  @ResolveField(() => ComponentVersionModel, { nullable: true, description: 'The version a semver range (or latest) picks, as the CLI and composition pick it; null when none matches.' })
  async version(@Parent() component: ComponentModel, @Args('range') range: string, @Context() ctx: RequestContext): Promise<ComponentVersionModel | null> {
    const parsed = parseComponentRef(`${component.name}@${range}`, 'range');
    if (!parsed.ref) throw new ApiError(parsed.diagnostics);
    const picked = pickVersion(component.name, await ctx.versions.load(component.id), parsed.ref.range, 'range');
    return picked.version ? toVersionModel(picked.version) : null;
  }
}
