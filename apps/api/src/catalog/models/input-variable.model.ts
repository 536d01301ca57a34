import { Field, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../common/json-scalars.js';

@ObjectType('InputVariable', { description: 'One input a component exposes.' })
export class InputVariableModel {
  @Field()
  name!: string;

  @Field({ description: 'string, integer, number or boolean.' })
  type!: string;

  @Field()
  required!: boolean;

  @Field(() => JsonScalar, { nullable: true, description: 'The default value; never shown for secrets.' })
  default?: unknown;

  @Field({ description: 'A secret (writeOnly): never echoed back.' })
  secret!: boolean;

  @Field({ description: 'A value is generated when none is given.' })
  generated!: boolean;

  @Field()
  description!: string;

  @Field(() => [JsonScalar], { nullable: true, description: 'The allowed values, when the input is an enumeration.' })
  enum?: unknown[];
}
