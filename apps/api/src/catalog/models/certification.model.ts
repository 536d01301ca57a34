import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Certification', { description: 'What is known about a version’s certification record.' })
export class CertificationModel {
  @Field({ description: 'certified or uncertified.' })
  level!: string;

  @Field({ description: 'True only when a signature by a trusted key over this digest checked out.' })
  verified!: boolean;

  @Field(() => String, { nullable: true })
  certifier?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 time the record was signed.' })
  issuedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the version is uncertified.' })
  reason?: string | null;
}
