import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Viewer', { description: 'Who the request acts for: the bearer token’s organization and scopes, or nobody.' })
export class ViewerModel {
  @Field(() => String, { nullable: true, description: 'The organization the token acts for; null without a token.' })
  organization!: string | null;

  @Field(() => [String], { description: 'The token’s scopes: publish, certify, admin (none without a token).' })
  scopes!: string[];
}
