import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';

export enum TargetValue {
  COMPOSE = 'compose',
  KUBERNETES = 'kubernetes',
  HELM = 'helm',
  OPENSHIFT = 'openshift',
}
registerEnumType(TargetValue, { name: 'Target', description: 'What a bundle is rendered for.' });

@ArgsType()
export class ComposeArgs {
  @Field({ description: 'The app spec as YAML or JSON text (what `aisle compose APP.yaml` reads).' })
  app!: string;

  @Field(() => TargetValue, { nullable: true, description: 'Default COMPOSE.' })
  target?: TargetValue | null;
}
