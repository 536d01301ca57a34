import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogIngestService } from './catalog-ingest.service.js';
import { CatalogReadModel } from './catalog-read-model.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';
import { ComponentResolver } from './component.resolver.js';
import { ComponentVersionResolver } from './component-version.resolver.js';

/** Browsing: aisles, components, versions, input validation; and the start-up ingest. */
@Module({
  providers: [
    { provide: CatalogRepository, useFactory: (db: DataSource) => new CatalogRepository(db), inject: [DataSource] },
    { provide: CatalogReadModel, useFactory: (repository: CatalogRepository) => new CatalogReadModel(repository), inject: [CatalogRepository] },
    { provide: CatalogService, useFactory: (repository: CatalogRepository) => new CatalogService(repository), inject: [CatalogRepository] },
    CatalogResolver,
    ComponentResolver,
    ComponentVersionResolver,
    CatalogIngestService,
  ],
  exports: [CatalogRepository, CatalogReadModel, CatalogService],
})
export class CatalogModule {}
