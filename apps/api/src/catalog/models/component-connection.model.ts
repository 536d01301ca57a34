import { Field, ObjectType } from '@nestjs/graphql';
import type { ComponentFilter } from '../stored-component.js';
import { ComponentModel } from './component.model.js';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType('ComponentEdge')
export class ComponentEdgeModel {
  @Field({ description: 'Opaque and stable: the same component always has the same cursor.' })
  cursor!: string;

  @Field(() => ComponentModel)
  node!: ComponentModel;
}

@ObjectType('ComponentConnection', { description: 'A page of components, ordered by name (Relay cursor connection).' })
export class ComponentConnectionModel {
  @Field(() => [ComponentEdgeModel])
  edges!: ComponentEdgeModel[];

  @Field(() => [ComponentModel])
  nodes!: ComponentModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  /** The filter of this list, for `totalCount` (counted only when asked). */
  filter!: ComponentFilter;
}
