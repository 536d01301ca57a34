import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OutdatedInstance', { description: 'One instance of a bundle against the catalog, as `aisle outdated` lists it.' })
export class OutdatedInstanceModel {
  @Field()
  instance!: string;

  @Field()
  component!: string;

  @Field()
  current!: string;

  @Field({ description: "The highest version within the app spec's range (without a spec: within the current major)." })
  wanted!: string;

  @Field({ description: 'The newest version that is not deprecated.' })
  latest!: string;

  @Field({ description: 'The range wanted was picked with.' })
  range!: string;

  @Field()
  outdated!: boolean;

  @Field({ description: 'What moving to wanted takes: none, migration, data or unsupported.' })
  toWanted!: string;

  @Field({ description: 'What moving to latest takes: none, migration, data or unsupported.' })
  toLatest!: string;

  @Field(() => String, { nullable: true, description: 'Why the move to latest is unsupported, or its data note.' })
  note?: string | null;
}

@ObjectType('Outdated', { description: 'A bundle against the catalog the caller can see, as `aisle outdated --json` reports it.' })
export class OutdatedModel {
  @Field()
  app!: string;

  @Field()
  target!: string;

  @Field(() => [OutdatedInstanceModel])
  instances!: OutdatedInstanceModel[];

  @Field(() => Int, { description: 'How many instances have a newer version.' })
  outdated!: number;
}
