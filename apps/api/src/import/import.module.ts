import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ImportResolver } from './import.resolver.js';
import { ImportService } from './import.service.js';

/** `importPreview(text, format)`: someone else's format to drafts, an app spec and a report, through the import library. */
@Module({
  imports: [CatalogModule],
  providers: [{ provide: ImportService, useFactory: (catalog: CatalogService) => new ImportService(catalog), inject: [CatalogService] }, ImportResolver],
})
export class ImportModule {}
