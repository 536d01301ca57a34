import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ComponentVersionEntity } from './component-version.entity.js';

/** A row of `component`: one name on the shelves, owned by an organization. */
@Entity('component')
export class ComponentEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** `postgresql` (global, public) or `acme/vault` (in the organization's scope; private ones always are). */
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  name!: string;

  @Column('varchar', { length: 100 })
  organization!: string;

  /** `public` or `private` (visible to its organization only). */
  @Column('varchar', { length: 10 })
  visibility!: string;

  /** Denormalized from the latest version so lists filter and count in SQL. */
  @Column('varchar', { length: 100 })
  aisle!: string;

  @Column('text', { name: 'search_text' })
  searchText!: string;

  @Column('varchar', { name: 'latest_version', length: 100 })
  latestVersion!: string;

  @Column('boolean', { name: 'latest_certified' })
  latestCertified!: boolean;

  @Column('varchar', { name: 'created_at', length: 40 })
  createdAt!: string;

  @OneToMany(() => ComponentVersionEntity, (v) => v.component)
  versions?: ComponentVersionEntity[];
}
