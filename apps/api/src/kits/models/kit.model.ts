import { Field, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../common/json-scalars.js';
import { CertificationModel } from '../../catalog/models/certification.model.js';
import { InputVariableModel } from '../../catalog/models/input-variable.model.js';
import { KitComponentModel } from './kit-component.model.js';

@ObjectType('Kit', { description: 'An app kit: certified components wired together, asking only for its own few inputs (`aisle get NAME`).' })
export class KitModel {
  @Field()
  name!: string;

  @Field({ description: 'The latest version (semver).' })
  version!: string;

  @Field({ description: 'sha256: of the kit’s canonical JSON (RFC 8785).' })
  digest!: string;

  @Field()
  aisle!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [InputVariableModel], { description: 'The kit’s own inputs, required ones first.' })
  inputs!: InputVariableModel[];

  @Field(() => JsonScalar, { description: 'The kit’s inputs as a JSON Schema (draft 2020-12) object.' })
  inputsSchema!: unknown;

  @Field(() => [KitComponentModel], { description: 'The instances the kit composes, in its order.' })
  components!: KitComponentModel[];

  @Field(() => CertificationModel)
  certification!: CertificationModel;

  @Field(() => String, { nullable: true, description: 'Why this version is deprecated, when it is.' })
  deprecated?: string | null;

  @Field(() => [String], { description: 'Every version, newest first.' })
  versions!: string[];

  @Field(() => JsonScalar, { description: 'The kit as shipped (kit.yaml), as JSON: `digest` is the sha256 of its canonical JSON.' })
  kit!: unknown;
}
