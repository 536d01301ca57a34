import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VisibilityValue {
  PUBLIC = 'public',
  PRIVATE = 'private',
}
registerEnumType(VisibilityValue, { name: 'Visibility', description: 'Who sees a component: everyone, or its organization only.' });

@ObjectType('Component', { description: 'A component on the shelves; `latest`, `versions` and `version(range)` give its versions.' })
export class ComponentModel {
  /** The row id, used to batch version loads; not part of the API. */
  id!: number;

  @Field()
  name!: string;

  @Field({ description: 'The aisle of its latest version.' })
  aisle!: string;

  @Field({ description: 'The organization that publishes it.' })
  organization!: string;

  @Field(() => VisibilityValue)
  visibility!: VisibilityValue;
}
