import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { ComposeService } from './compose.service.js';
import { ComposeArgs, TargetValue } from './dto/compose.args.js';
import { toProblem } from '../publishing/models/publish-result.model.js';
import { BundleModel } from './models/bundle.model.js';

@Resolver()
export class ComposeResolver {
  constructor(private readonly composer: ComposeService) {}

  @Query(() => BundleModel, { description: 'Composes an app spec into a bundle for a target, as `aisle compose` does. Writes nothing.' })
  async compose(@Args() args: ComposeArgs, @Context() ctx: RequestContext): Promise<BundleModel> {
    const bundle = await this.composer.compose(ctx.viewer, ctx.versions, args.app, args.target ?? TargetValue.COMPOSE, ctx.budget);
    return {
      files: bundle.files.map((f) => ({ path: f.path, content: f.content })),
      lock: bundle.lock,
      warnings: bundle.warnings.map(toProblem),
    };
  }
}
