import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ComponentEntity } from './component.entity.js';

/** A row of `component_version`: one immutable manifest, identified by its digest. */
@Entity('component_version')
@Index(['componentId', 'version'], { unique: true })
export class ComponentVersionEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column('integer', { name: 'component_id' })
  componentId!: number;

  @ManyToOne(() => ComponentEntity, (c) => c.versions)
  @JoinColumn({ name: 'component_id' })
  component?: ComponentEntity;

  @Column('varchar', { length: 100 })
  version!: string;

  @Column('varchar', { length: 80 })
  digest!: string;

  /** The manifest as JSON, key order as published; its canonical JSON (RFC 8785) is what the digest is computed over. */
  @Column('text')
  manifest!: string;

  @Column('text', { nullable: true })
  deprecated!: string | null;

  @Column('varchar', { name: 'certification_level', length: 20 })
  certificationLevel!: string;

  @Column('boolean', { name: 'certification_verified' })
  certificationVerified!: boolean;

  @Column('varchar', { length: 200, nullable: true })
  certifier!: string | null;

  @Column('varchar', { name: 'issued_at', length: 40, nullable: true })
  issuedAt!: string | null;

  @Column('text', { name: 'certification_reason', nullable: true })
  certificationReason!: string | null;

  @Column('text', { name: 'certification_record', nullable: true })
  certificationRecord!: string | null;

  @Column('varchar', { length: 300 })
  source!: string;

  @Column('varchar', { name: 'published_at', length: 40 })
  publishedAt!: string;
}
