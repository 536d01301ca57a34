import { Field, ObjectType } from '@nestjs/graphql';
import { ProblemModel } from '../../publishing/models/publish-result.model.js';

@ObjectType('InstanceUpgrade', { description: 'One instance that moves.' })
export class InstanceUpgradeModel {
  @Field()
  instance!: string;

  @Field()
  component!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => [String], { description: 'Input migrations applied, as sentences.' })
  migrations!: string[];

  @Field(() => [String], { description: 'Data notes: work on the data this move needs (e.g. pg_upgrade).' })
  data!: string[];
}

@ObjectType('SpecRange', { description: 'A new component reference for an instance of the app spec.' })
export class SpecRangeModel {
  @Field()
  instance!: string;

  @Field()
  component!: string;
}

@ObjectType('UpgradePlan', {
  description:
    'What `aisle upgrade --dry-run` plans for a bundle, without its files: there is no diff (only the lock is sent) and no secrets are carried or returned.',
})
export class UpgradePlanModel {
  @Field()
  app!: string;

  @Field()
  target!: string;

  @Field(() => [InstanceUpgradeModel])
  instances!: InstanceUpgradeModel[];

  @Field(() => [SpecRangeModel], { description: 'New component references for the app spec, only when `to` asked for them.' })
  ranges!: SpecRangeModel[];

  @Field(() => [ProblemModel], {
    description: '`aisle upgrade` would refuse this plan until these are resolved (e.g. a data step to do first, then --data-step-done).',
  })
  refusals!: ProblemModel[];

  @Field(() => [ProblemModel], { description: 'Problems that did not block, e.g. a deprecated version chosen.' })
  warnings!: ProblemModel[];
}
