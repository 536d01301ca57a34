import { Field, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../common/json-scalars.js';

@ObjectType('InputProblem', { description: 'One problem with the given inputs; values are never echoed.' })
export class InputProblemModel {
  @Field({ description: 'The input it is about, e.g. password.' })
  path!: string;

  @Field()
  message!: string;

  @Field({ description: 'A stable code such as INPUT_INVALID, INPUT_REQUIRED, INPUT_UNKNOWN.' })
  code!: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description:
      'For tools, not for people: the schema keyword that failed and its parameters, e.g. { keyword: "pattern", params: { pattern } }. Never the value given.',
  })
  detail?: { keyword: string; params: Record<string, unknown> } | null;
}

@ObjectType('InputValidation')
export class InputValidationModel {
  @Field()
  valid!: boolean;

  @Field({ description: 'The version the range resolved to.' })
  version!: string;

  @Field(() => [InputProblemModel])
  errors!: InputProblemModel[];
}
