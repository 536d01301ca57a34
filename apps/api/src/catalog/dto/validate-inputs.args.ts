import { ArgsType, Field } from '@nestjs/graphql';
import { JsonObjectScalar } from '../../common/json-scalars.js';

@ArgsType()
export class ValidateInputsArgs {
  @Field({ description: 'Component name, e.g. postgresql, or acme/vault in an organization’s scope.' })
  component!: string;

  @Field(() => String, { nullable: true, description: 'A semver range (default *).' })
  range?: string | null;

  @Field(() => JsonObjectScalar, { description: 'Input values by name, e.g. { "database": "shop" }.' })
  inputs!: Record<string, unknown>;
}
