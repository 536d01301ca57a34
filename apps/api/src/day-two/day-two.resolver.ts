import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { DayTwoService } from './day-two.service.js';
import { OutdatedArgs, UpgradePlanArgs } from './dto/day-two.args.js';
import { OutdatedModel } from './models/outdated.model.js';
import { UpgradePlanModel } from './models/upgrade-plan.model.js';

@Resolver()
export class DayTwoResolver {
  constructor(private readonly dayTwo: DayTwoService) {}

  @Query(() => OutdatedModel, {
    description: 'Which instances of a bundle have newer versions in the catalog you can see, as `aisle outdated --json` reports. Writes nothing.',
  })
  async outdated(@Args() args: OutdatedArgs, @Context() ctx: RequestContext): Promise<OutdatedModel> {
    return this.dayTwo.outdated(ctx.viewer, ctx.versions, { lock: args.lock, app: args.app ?? undefined }, ctx.budget);
  }

  @Query(() => UpgradePlanModel, {
    description:
      'The plan `aisle upgrade --dry-run` makes for a bundle: who moves where, input migrations, data notes, refusals. Writes nothing; without the bundle files there is no diff and no secrets are carried.',
  })
  async upgradePlan(@Args() args: UpgradePlanArgs, @Context() ctx: RequestContext): Promise<UpgradePlanModel> {
    return this.dayTwo.upgradePlan(
      ctx.viewer,
      ctx.versions,
      { lock: args.lock, app: args.app ?? undefined, instance: args.instance ?? undefined, to: args.to ?? undefined },
      ctx.budget,
    );
  }
}
