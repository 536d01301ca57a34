import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { BundleDownloadController } from './bundle-download.controller.js';
import { ComposeResolver } from './compose.resolver.js';
import { ComposeService } from './compose.service.js';

/** `compose(app, target)` and POST /bundle: app specs to bundles, through the composition library. */
@Module({
  imports: [CatalogModule, AuthModule],
  controllers: [BundleDownloadController],
  providers: [{ provide: ComposeService, useFactory: (catalog: CatalogService) => new ComposeService(catalog), inject: [CatalogService] }, ComposeResolver],
})
export class ComposeModule {}
