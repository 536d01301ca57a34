import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class ComponentsArgs {
  @Field(() => String, { nullable: true, description: 'Only components on this aisle.' })
  aisle?: string | null;

  @Field(() => String, { nullable: true, description: 'Words that must all appear in the name, title, description, keywords or provides.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only components whose latest version is certified.' })
  certifiedOnly?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}
