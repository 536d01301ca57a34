import { Field, ObjectType } from '@nestjs/graphql';
import { ComponentVersionModel } from '../../catalog/models/component-version.model.js';

@ObjectType('Problem', { description: 'A problem found in what you sent: where, what, and a stable code.' })
export class ProblemModel {
  @Field()
  path!: string;

  @Field()
  message!: string;

  @Field()
  code!: string;
}

@ObjectType('PublishResult')
export class PublishResultModel {
  @Field(() => ComponentVersionModel)
  version!: ComponentVersionModel;

  @Field({ description: 'False when this exact manifest (same digest) was already published: nothing changed.' })
  created!: boolean;

  @Field(() => [ProblemModel], { description: 'Lint warnings that did not block publishing.' })
  warnings!: ProblemModel[];
}
