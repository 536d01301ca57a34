import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { authorizeCaller, type MutationName } from '../auth/authorize.js';
import { refusalCode } from '../auth/refusal-code.js';
import { ComponentVersionModel } from '../catalog/models/component-version.model.js';
import { VisibilityValue } from '../catalog/models/component.model.js';
import { toVersionModel } from '../catalog/to-graphql-model.js';
import { JsonLogger } from '../common/json-logger.js';
import type { RequestContext } from '../common/request-context.js';
import { DeprecateVersionArgs } from './dto/deprecate-version.args.js';
import { PublishComponentArgs } from './dto/publish-component.args.js';
import { PublishResultModel, toProblem } from './models/publish-result.model.js';
import { PublishingService } from './publishing.service.js';

@Resolver()
export class PublishingResolver {
  constructor(
    private readonly publishing: PublishingService,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
  ) {}

  /**
   * Runs a mutation; a refusal (no token, a missing scope, a bad manifest, …) leaves one
   * line saying who (the token's id and organization, never the token), what and why (the
   * code), and nothing the caller sent: a manifest may hold secrets.
   */
  private async logged<T>(mutation: MutationName, ctx: RequestContext, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      const { tokenId, organization } = ctx.viewer;
      this.logger.write('warn', 'mutation refused', { mutation, tokenId: tokenId ?? null, organization: organization ?? null, code: refusalCode(e) });
      throw e;
    }
  }

  @Mutation(() => PublishResultModel, {
    description:
      'Publishes a component version (scope publish) under a global name or one in your organization’s scope (acme/vault); another organization’s scope is FORBIDDEN to every token. The same manifest again is a no-op; another manifest for a published version is ALREADY_PUBLISHED.',
  })
  async publishComponent(@Args() args: PublishComponentArgs, @Context() ctx: RequestContext): Promise<PublishResultModel> {
    const visibility = args.visibility === VisibilityValue.PRIVATE ? 'private' : args.visibility === VisibilityValue.PUBLIC ? 'public' : undefined;
    const outcome = await this.logged('publishComponent', ctx, () =>
      this.publishing.publish(authorizeCaller(ctx.viewer, 'publishComponent'), args.manifest, visibility),
    );
    return { version: toVersionModel(outcome.version), created: outcome.created, warnings: outcome.warnings.map(toProblem) };
  }

  @Mutation(() => ComponentVersionModel, {
    description:
      'Deprecates a version of your organization’s component (scope publish); an admin token may also deprecate another organization’s global component, never one in another organization’s scope.',
  })
  async deprecateComponentVersion(@Args() args: DeprecateVersionArgs, @Context() ctx: RequestContext): Promise<ComponentVersionModel> {
    return toVersionModel(
      await this.logged('deprecateComponentVersion', ctx, () =>
        this.publishing.deprecate(authorizeCaller(ctx.viewer, 'deprecateComponentVersion'), args.component, args.version, args.reason),
      ),
    );
  }

  @Mutation(() => ComponentVersionModel, {
    description:
      'Records a certification signed offline with `aisle certify` (the certification.json text), verified against the trust store (scope certify): for a global component, or one in your organization’s scope.',
  })
  async certifyComponentVersion(@Args('record') record: string, @Context() ctx: RequestContext): Promise<ComponentVersionModel> {
    return toVersionModel(
      await this.logged('certifyComponentVersion', ctx, () => this.publishing.certify(authorizeCaller(ctx.viewer, 'certifyComponentVersion'), record)),
    );
  }
}
