import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from './auth.service.js';
import { TokenStore } from './token-store.js';

/** Bearer tokens: created by `aisle token create`, resolved to a viewer per request. */
@Module({
  providers: [{ provide: TokenStore, useFactory: (db: DataSource) => new TokenStore(db), inject: [DataSource] }, AuthService],
  exports: [AuthService, TokenStore],
})
export class AuthModule {}
