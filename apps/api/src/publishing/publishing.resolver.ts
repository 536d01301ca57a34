import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { authorizeCaller } from '../auth/authorize.js';
import { ComponentVersionModel } from '../catalog/models/component-version.model.js';
import { VisibilityValue } from '../catalog/models/component.model.js';
import { toVersionModel } from '../catalog/to-graphql-model.js';
import type { RequestContext } from '../common/request-context.js';
import { DeprecateVersionArgs } from './dto/deprecate-version.args.js';
import { PublishComponentArgs } from './dto/publish-component.args.js';
import { PublishResultModel, toProblem } from './models/publish-result.model.js';
import { PublishingService } from './publishing.service.js';

@Resolver()
export class PublishingResolver {
  constructor(private readonly publishing: PublishingService) {}

  @Mutation(() => PublishResultModel, { description: 'Publishes a component version (scope publish) under a global name or one in your organization’s scope (acme/vault); another organization’s scope is FORBIDDEN to every token. The same manifest again is a no-op; another manifest for a published version is ALREADY_PUBLISHED.' })
  async publishComponent(@Args() args: PublishComponentArgs, @Context() ctx: RequestContext): Promise<PublishResultModel> {
    const visibility = args.visibility === VisibilityValue.PRIVATE ? 'private' : args.visibility === VisibilityValue.PUBLIC ? 'public' : undefined;
    const outcome = await this.publishing.publish(authorizeCaller(ctx.viewer, 'publishComponent'), args.manifest, visibility);
    return { version: toVersionModel(outcome.version), created: outcome.created, warnings: outcome.warnings.map(toProblem) };
  }

  @Mutation(() => ComponentVersionModel, { description: 'Deprecates a version of your organization’s component (scope publish); an admin token may also deprecate another organization’s global component, never one in another organization’s scope.' })
  async deprecateComponentVersion(@Args() args: DeprecateVersionArgs, @Context() ctx: RequestContext): Promise<ComponentVersionModel> {
    return toVersionModel(await this.publishing.deprecate(authorizeCaller(ctx.viewer, 'deprecateComponentVersion'), args.component, args.version, args.reason));
  }

  @Mutation(() => ComponentVersionModel, { description: 'Records a certification signed offline with `aisle certify` (the certification.json text), verified against the trust store (scope certify): for a global component, or one in your organization’s scope.' })
  async certifyComponentVersion(@Args('record') record: string, @Context() ctx: RequestContext): Promise<ComponentVersionModel> {
    return toVersionModel(await this.publishing.certify(authorizeCaller(ctx.viewer, 'certifyComponentVersion'), record));
  }
}
