import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TrustStore } from '../../../../libs/certify/index.js';
import type { ApiConfig } from '../api-config.js';
import { JsonLogger } from '../common/json-logger.js';
import { Readiness } from '../common/readiness.js';
import { API_CONFIG, TRUST_STORE } from '../common/tokens.js';
import { CatalogRepository } from './catalog.repository.js';
import { ingestCatalog } from './ingest-catalog.js';
import { IngestStore } from './ingest-store.js';

/** Ingests the shipped catalog once the database is up, then marks the service ready. */
@Injectable()
export class CatalogIngestService implements OnApplicationBootstrap {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CatalogRepository) private readonly repository: CatalogRepository,
    @Inject(TRUST_STORE) private readonly trustStore: TrustStore,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.catalogDir) {
      const summary = await ingestCatalog(this.config.catalogDir, this.repository, new IngestStore(this.db), this.trustStore, this.logger);
      // Named counts (see IngestSummary): a restart logs versionsCertified beside certificationsRecordedNow: 0.
      this.logger.write('info', 'catalog ingested', { dir: this.config.catalogDir, ...summary });
    }
    this.readiness.catalogLoaded = true;
  }
}
