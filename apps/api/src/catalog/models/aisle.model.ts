import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Aisle', { description: 'A shelf of the store: database, cache, queue, web, …' })
export class AisleModel {
  @Field()
  name!: string;

  @Field(() => Int, { description: 'Components on this aisle that you can see.' })
  components!: number;

  @Field(() => String, { nullable: true, description: 'What the aisle holds, from the list of aisles; null for an aisle not in it.' })
  description?: string | null;
}
