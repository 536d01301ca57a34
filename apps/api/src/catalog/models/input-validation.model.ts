import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('InputProblem', { description: 'One problem with the given inputs; values are never echoed.' })
export class InputProblemModel {
  @Field({ description: 'The input it is about, e.g. password.' })
  path!: string;

  @Field()
  message!: string;

  @Field({ description: 'A stable code such as INPUT_INVALID, INPUT_REQUIRED, INPUT_UNKNOWN.' })
  code!: string;
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
