import { Field, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../common/json-scalars.js';
import { CertificationModel } from './certification.model.js';
import { InputVariableModel } from './input-variable.model.js';
import { OutputValueModel } from './output-value.model.js';

@ObjectType('ComponentVersion', { description: 'One immutable version of a component, identified by its digest.' })
export class ComponentVersionModel {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'sha256: of the manifest’s canonical JSON (RFC 8785).' })
  digest!: string;

  @Field({ description: 'The container image, repository:tag (or the input that names it, for generic components).' })
  image!: string;

  @Field()
  aisle!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field()
  publisher!: string;

  @Field()
  license!: string;

  @Field(() => [String])
  keywords!: string[];

  @Field(() => [String], { description: 'Interfaces it provides, e.g. postgresql.' })
  provides!: string[];

  @Field(() => [InputVariableModel], { description: 'Inputs, required ones first.' })
  inputs!: InputVariableModel[];

  @Field(() => JsonScalar, { description: 'The inputs as a JSON Schema (draft 2020-12) object.' })
  inputsSchema!: unknown;

  @Field(() => [OutputValueModel])
  outputs!: OutputValueModel[];

  @Field(() => CertificationModel)
  certification!: CertificationModel;

  @Field(() => String, { nullable: true, description: 'Why this version is deprecated, when it is.' })
  deprecated?: string | null;

  @Field({ description: 'ISO 8601 time the version entered this store.' })
  publishedAt!: string;

  @Field(() => JsonScalar, {
    description:
      'The manifest as published (what component.yaml declares), as JSON: `digest` is the sha256 of its canonical JSON, so a client can check it and compose locally. Visible to whoever may see the version.',
  })
  manifest!: unknown;
}
