import { Field, ObjectType } from '@nestjs/graphql';
import { ImportFormatValue } from '../dto/import-preview.args.js';

@ObjectType('ImportDraft', { description: 'A draft component manifest: not certified; the report lists what lint finds in it.' })
export class ImportDraftModel {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'The manifest as YAML (what catalog/NAME/VERSION/component.yaml holds).' })
  manifest!: string;
}

@ObjectType('ImportEntry', { description: 'One key of the source: mapped (to where), renamed (to a safe name) or dropped (and why).' })
export class ImportEntryModel {
  @Field()
  source!: string;

  @Field({ description: 'mapped, renamed or dropped.' })
  status!: string;

  @Field(() => String, { nullable: true })
  target?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@ObjectType('ImportLint', { description: 'A lint finding on a draft: what stands between it and certification.' })
export class ImportLintModel {
  @Field()
  draft!: string;

  @Field()
  path!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true })
  rule?: string | null;
}

@ObjectType('ImportPreview', { description: 'What `aisle import` would write, written nowhere.' })
export class ImportPreviewModel {
  @Field(() => ImportFormatValue)
  format!: ImportFormatValue;

  @Field({ description: 'The app spec as YAML (app.yaml), recomposing the drafts and catalog components.' })
  app!: string;

  @Field(() => [ImportDraftModel])
  drafts!: ImportDraftModel[];

  @Field(() => [ImportEntryModel], { description: 'Every key of the source, mapped or dropped.' })
  entries!: ImportEntryModel[];

  @Field(() => [ImportLintModel])
  lint!: ImportLintModel[];

  @Field({ description: 'The report as Markdown (IMPORT-REPORT.md).' })
  report!: string;
}
