import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from './request-context.js';

/** Injects the request's context (viewer and loaders) into a resolver method. */
export const CurrentContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestContext => GqlExecutionContext.create(ctx).getContext<RequestContext>());
