import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ComposeResolver } from './compose.resolver.js';
import { ComposeService } from './compose.service.js';

/** `compose(app, target)`: app specs to bundles, through the composition library. */
@Module({
  imports: [CatalogModule],
  providers: [{ provide: ComposeService, useFactory: (catalog: CatalogService) => new ComposeService(catalog), inject: [CatalogService] }, ComposeResolver],
})
export class ComposeModule {}
