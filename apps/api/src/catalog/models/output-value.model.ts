import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('OutputValue', { description: 'A value a component offers to others (host, port, url, …).' })
export class OutputValueModel {
  @Field()
  name!: string;

  @Field()
  description!: string;
}
