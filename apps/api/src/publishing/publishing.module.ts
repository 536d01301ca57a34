import { Module } from '@nestjs/common';
import type { TrustStore } from '../../../../libs/certify/index.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { TRUST_STORE } from '../common/tokens.js';
import { PublishingResolver } from './publishing.resolver.js';
import { PublishingService } from './publishing.service.js';

/** Publishing, deprecating and certifying component versions. */
@Module({
  imports: [CatalogModule],
  providers: [
    {
      provide: PublishingService,
      useFactory: (repository: CatalogRepository, trust: TrustStore) => new PublishingService(repository, trust),
      inject: [CatalogRepository, TRUST_STORE],
    },
    PublishingResolver,
  ],
})
export class PublishingModule {}
