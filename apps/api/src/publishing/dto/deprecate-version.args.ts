import { ArgsType, Field } from '@nestjs/graphql';

@ArgsType()
export class DeprecateVersionArgs {
  @Field({ description: 'The component: a global name (postgresql) or one in your organization’s scope (acme/vault).' })
  component!: string;

  @Field({ description: 'The exact version, e.g. 16.10.0.' })
  version!: string;

  @Field({ description: 'Why, and what to use instead.' })
  reason!: string;
}
