import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A row of `api_token`: only the sha256 of the token is kept, never the token. */
@Entity('api_token')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Index({ unique: true })
  @Column('varchar', { name: 'token_hash', length: 64 })
  tokenHash!: string;

  /** The first characters of the token, so people can tell their tokens apart. */
  @Column('varchar', { length: 20 })
  prefix!: string;

  @Column('varchar', { length: 100 })
  organization!: string;

  /** Comma-separated scopes: publish, certify, admin. */
  @Column('varchar', { length: 100 })
  scopes!: string;

  @Column('varchar', { length: 200, nullable: true })
  description!: string | null;

  @Column('varchar', { name: 'created_at', length: 40 })
  createdAt!: string;

  @Column('varchar', { name: 'revoked_at', length: 40, nullable: true })
  revokedAt!: string | null;
}
