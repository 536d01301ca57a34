import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { Readiness } from '../common/readiness.js';

// A database slower than this to answer `SELECT 1` is as good as down, for an orchestrator deciding where to send traffic.
const DATABASE_TIMEOUT_MS = 1000;

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

  /** Ready: the database answers within a second and the catalog is loaded; 503 otherwise (again 200 once it answers). */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: boolean; catalog: boolean }> {
    const database = await this.repository.ping(DATABASE_TIMEOUT_MS);
    const catalog = this.readiness.catalogLoaded;
    const ready = database && catalog;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', database, catalog };
  }
}
