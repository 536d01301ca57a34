import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from './auth.service.js';
import { TokenStore } from './token-store.js';
import { ViewerResolver } from './viewer.resolver.js';

/** Bearer tokens: created by `aisle token create`, resolved to a viewer per request. */
@Module({
  providers: [{ provide: TokenStore, useFactory: (db: DataSource) => new TokenStore(db), inject: [DataSource] }, AuthService, ViewerResolver],
  exports: [AuthService, TokenStore],
})
export class AuthModule {}
