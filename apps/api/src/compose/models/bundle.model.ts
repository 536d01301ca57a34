import { Field, ObjectType } from '@nestjs/graphql';
import { ProblemModel } from '../../publishing/models/publish-result.model.js';

@ObjectType('BundleFile')
export class BundleFileModel {
  @Field()
  path!: string;

  @Field()
  content!: string;
}

@ObjectType('Bundle', { description: 'An app rendered for a target. Secrets it generates are in the files, returned this once.' })
export class BundleModel {
  @Field(() => [BundleFileModel], { description: 'Every file of the bundle, sorted by path, aisle.lock included.' })
  files!: BundleFileModel[];

  @Field({ description: 'The content of aisle.lock: exact versions and digests.' })
  lock!: string;

  @Field(() => [ProblemModel], { description: 'Problems that did not block, e.g. a deprecated version chosen.' })
  warnings!: ProblemModel[];
}
