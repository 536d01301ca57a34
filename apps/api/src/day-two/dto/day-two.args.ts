import { ArgsType, Field } from '@nestjs/graphql';

const LOCK = "The text of a bundle's aisle.lock (what `aisle outdated DIR` reads from DIR).";
const APP = 'The app spec the bundle was composed from, as YAML or JSON text (what `--app` names): its ranges, wiring and env.';

@ArgsType()
export class OutdatedArgs {
  @Field({ description: LOCK })
  lock!: string;

  @Field(() => String, { nullable: true, description: `${APP} Without it, wanted is the highest version of the current major.` })
  app?: string | null;
}

@ArgsType()
export class UpgradePlanArgs {
  @Field({ description: LOCK })
  lock!: string;

  @Field(() => String, { nullable: true, description: `${APP} Needed when the lock alone does not reproduce the bundle.` })
  app?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this instance moves.' })
  instance?: string | null;

  @Field(() => String, { nullable: true, description: "Move to the highest version in this semver range (default: the highest in the spec's range)." })
  to?: string | null;
}
