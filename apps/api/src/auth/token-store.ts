import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { isScopeName } from '../../../../libs/manifest/index.js';
import { ApiTokenEntity } from '../database/entities/api-token.entity.js';
import type { Scope, Viewer } from './viewer.js';

const TOKEN_PREFIX = 'aisle_';

/** A token as listed: never the token itself. */
export interface TokenInfo {
  id: number;
  prefix: string;
  organization: string;
  scopes: Scope[];
  description: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** sha256 of a token, hex: tokens carry 256 random bits, so a fast hash is enough. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The only code that reads and writes API tokens. The CLI and the service share it;
 * it has no Nest dependency.
 */
export class TokenStore {
  constructor(private readonly db: DataSource) {}

  /** Creates a token and returns it: the only time it is ever shown. The organization must be a valid scope name. */
  async create(organization: string, scopes: readonly Scope[], description?: string): Promise<{ token: string; info: TokenInfo }> {
    // The organization is the scope its private components are named in (acme/vault): no other shape may exist.
    if (!isScopeName(organization))
      throw new RangeError(`organization "${organization.slice(0, 100)}" is not a valid scope name (lower-case letters, digits and hyphens, at most 63)`);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.db.getRepository(ApiTokenEntity).save({
      tokenHash: hashToken(token),
      prefix: token.slice(0, 12),
      organization,
      scopes: [...new Set(scopes)].sort().join(','),
      description: description ?? null,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    });
    return { token, info: toInfo(row) };
  }

  /** The viewer a presented token stands for, or undefined when unknown or revoked. */
  async viewerFor(token: string): Promise<Viewer | undefined> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
    const row = await this.db.getRepository(ApiTokenEntity).findOne({ where: { tokenHash: hashToken(token), revokedAt: IsNull() } });
    return row ? { organization: row.organization, tokenId: row.id, scopes: toInfo(row).scopes } : undefined;
  }

  /** Every token (revoked ones too), oldest first, optionally of one organization. */
  async list(organization?: string): Promise<TokenInfo[]> {
    const rows = await this.db.getRepository(ApiTokenEntity).find({ where: organization ? { organization } : {}, order: { id: 'ASC' } });
    return rows.map(toInfo);
  }

  /** Revokes a token by id; false when there is no such live token. */
  async revoke(id: number): Promise<boolean> {
    const result = await this.db.getRepository(ApiTokenEntity).update({ id, revokedAt: IsNull() }, { revokedAt: new Date().toISOString() });
    return (result.affected ?? 0) > 0;
  }
}

function toInfo(row: ApiTokenEntity): TokenInfo {
  return {
    id: row.id,
    prefix: row.prefix,
    organization: row.organization,
    scopes: row.scopes.split(',').filter(Boolean) as Scope[],
    description: row.description,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}
