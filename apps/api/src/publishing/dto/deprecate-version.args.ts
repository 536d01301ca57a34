import { ArgsType, Field } from '@nestjs/graphql';

@ArgsType()
export class DeprecateVersionArgs {
  @Field()
  component!: string;

  @Field({ description: 'The exact version, e.g. 16.10.0.' })
  version!: string;

  @Field({ description: 'Why, and what to use instead.' })
  reason!: string;
}
