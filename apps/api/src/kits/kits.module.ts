import { Module } from '@nestjs/common';
import type { TrustStore } from '../../../../libs/certify/index.js';
import type { ApiConfig } from '../api-config.js';
import { API_CONFIG, TRUST_STORE } from '../common/tokens.js';
import { KitStore } from './kit-store.js';
import { AisleKitsResolver, KitsResolver } from './kits.resolver.js';

/** Browsing app kits: `kits`, `kit(name)` and each aisle's kit count, from the shipped catalog folder. */
@Module({
  providers: [
    { provide: KitStore, useFactory: (config: ApiConfig, trust: TrustStore) => new KitStore(config.catalogDir, trust), inject: [API_CONFIG, TRUST_STORE] },
    KitsResolver,
    AisleKitsResolver,
  ],
})
export class KitsModule {}
