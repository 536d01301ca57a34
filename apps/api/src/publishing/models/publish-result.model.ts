import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Diagnostic } from '../../../../../libs/diagnostics/index.js';
import { ComponentVersionModel } from '../../catalog/models/component-version.model.js';

@ObjectType('Problem', { description: 'A problem found in what you sent: where, what, and a stable code.' })
export class ProblemModel {
  @Field()
  path!: string;

  @Field()
  message!: string;

  @Field()
  code!: string;

  @Field(() => Int, { nullable: true, description: 'Line in the text sent (the manifest or app spec), from 1; null when the problem has no place in it.' })
  line?: number | null;

  @Field(() => Int, { nullable: true, description: 'Column in that line, from 1.' })
  column?: number | null;
}

/** A diagnostic as a Problem: where (path, line, column), what, and its code. */
export function toProblem(d: Diagnostic): ProblemModel {
  return { path: d.path, message: d.message, code: d.code, line: d.line ?? null, column: d.column ?? null };
}

@ObjectType('PublishResult')
export class PublishResultModel {
  @Field(() => ComponentVersionModel)
  version!: ComponentVersionModel;

  @Field({ description: 'False when this exact manifest (same digest) was already published: nothing changed.' })
  created!: boolean;

  @Field(() => [ProblemModel], { description: 'Lint warnings that did not block publishing.' })
  warnings!: ProblemModel[];
}
