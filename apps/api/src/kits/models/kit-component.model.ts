import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('KitComponent', { description: 'One instance of a kit: its name in the app and the component it picks.' })
export class KitComponentModel {
  @Field({ description: 'The instance name (a service or workload in the bundle).' })
  instance!: string;

  @Field({ description: 'NAME@RANGE of the component, e.g. postgresql@^17.' })
  component!: string;
}
