import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error.js';
import { TokenStore } from './token-store.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/** Turns a request's Authorization header into a viewer. */
@Injectable()
export class AuthService {
  constructor(@Inject(TokenStore) private readonly tokens: TokenStore) {}

  /** No header: anonymous. A bearer token: its organization and scopes. Anything else: UNAUTHENTICATED. */
  async viewerFor(authorization: string | undefined): Promise<Viewer> {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw ApiError.of('TOKEN_INVALID', 'Authorization', 'the Authorization header must read "Bearer <token>"');
    const viewer = await this.tokens.viewerFor(match[1]!);
    if (!viewer) throw ApiError.of('TOKEN_INVALID', 'Authorization', 'the bearer token is unknown or revoked');
    return viewer;
  }
}
