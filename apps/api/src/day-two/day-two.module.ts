import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DayTwoResolver } from './day-two.resolver.js';
import { DayTwoService } from './day-two.service.js';

/** `outdated(lock)` and `upgradePlan(lock)`: the plans of `aisle outdated` and `aisle upgrade --dry-run`, through the upgrade library. */
@Module({
  imports: [CatalogModule],
  providers: [{ provide: DayTwoService, useFactory: (catalog: CatalogService) => new DayTwoService(catalog), inject: [CatalogService] }, DayTwoResolver],
})
export class DayTwoModule {}
