import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row of `catalog_state`: a counter every catalog write increments in its own
 * transaction, so any instance can tell whether a cached answer is still current.
 */
@Entity('catalog_state')
export class CatalogStateEntity {
  @PrimaryColumn('integer')
  id!: number;

  @Column('integer')
  generation!: number;
}
