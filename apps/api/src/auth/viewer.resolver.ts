import { Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { ViewerModel } from './models/viewer.model.js';

/** Who am I: what `aisle login` checks a token with before it stores it. Reads nothing but the request's viewer. */
@Resolver(() => ViewerModel)
export class ViewerResolver {
  @Query(() => ViewerModel, { description: 'Who this request acts for (the bearer token’s organization and scopes); never the token itself.' })
  viewer(@Context() ctx: RequestContext): ViewerModel {
    return { organization: ctx.viewer.organization ?? null, scopes: [...ctx.viewer.scopes] };
  }
}
