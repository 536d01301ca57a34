import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { Readiness } from '../common/readiness.js';

/** Liveness and readiness for orchestrators. */
@Controller()
export class HealthController {
  constructor(
    @Inject(CatalogRepository) private readonly repository: CatalogRepository,
    @Inject(Readiness) private readonly readiness: Readiness,
  ) {}

  /** Alive: the process answers. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  /** Ready: the database answers and the catalog is loaded; 503 otherwise. */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: boolean; catalog: boolean }> {
    const database = await this.repository.ping();
    const catalog = this.readiness.catalogLoaded;
    const ready = database && catalog;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', database, catalog };
  }
}
