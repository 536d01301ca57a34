import { ArgsType, Field } from '@nestjs/graphql';
import { VisibilityValue } from '../../catalog/models/component.model.js';

@ArgsType()
export class PublishComponentArgs {
  @Field({ description: 'The component manifest, as YAML (or JSON) text: what component.yaml holds.' })
  manifest!: string;

  @Field(() => VisibilityValue, {
    nullable: true,
    description:
      'For a new component (default PUBLIC); an existing component keeps its visibility. PRIVATE needs a name in your organization’s scope, such as acme/vault.',
  })
  visibility?: VisibilityValue | null;
}
