import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { AuthService } from '../auth/auth.service.js';
import { refusalCode } from '../auth/refusal-code.js';
import { CatalogReadModel } from '../catalog/catalog-read-model.js';
import { createVersionLoader } from '../catalog/version-loader.js';
import { ApiError } from '../common/api-error.js';
import { CompositionBudget } from '../common/composition-budget.js';
import { graphqlCodeFor } from '../common/graphql-error-code.js';
import { JsonLogger } from '../common/json-logger.js';
import { LimitError } from '../common/limit-error.js';
import { ARCHIVE_MEDIA_TYPE, bundleArchive } from './bundle-archive.js';
import { parseBundleRequest } from './bundle-request.js';
import { ComposeService } from './compose.service.js';

/** Where the storefront downloads a bundle. */
export const BUNDLE_PATH = '/bundle';

/**
 * POST /bundle `{ app, target, format }`: the bundle that GraphQL `compose` would return,
 * as a .zip or .tar.gz. The same ComposeService, so the same limits, visibility (the
 * bearer token's, resolved by AuthService) and validation; invalid input is a 400 with
 * JSON `{ problems: [{ code, path, message }] }`, and the archive is streamed only after
 * composition and rendering fully succeeded: never a partial archive.
 */
@Controller()
export class BundleDownloadController {
  constructor(
    private readonly composer: ComposeService,
    private readonly auth: AuthService,
    private readonly readModel: CatalogReadModel,
    private readonly logger: JsonLogger,
  ) {}

  @Post(BUNDLE_PATH)
  @HttpCode(200)
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // An answer carries generated secrets: never kept by a cache.
    void reply.header('cache-control', 'no-store');
    // Nest also parses forms; the storefront and the README's curl send JSON, and a form would only be misread.
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? ''))
      return refuse(reply, 415, [
        { severity: 'error', code: 'INPUT_INVALID', path: 'body', message: 'the request body could not be read: send application/json' },
      ]);
    const parsed = parseBundleRequest(request.body);
    if (!parsed.value) return refuse(reply, 400, parsed.problems);
    const { app, target, format } = parsed.value;
    try {
      const viewer = await this.auth.viewerFor(request.headers.authorization);
      const bundle = await this.composer.compose(viewer, createVersionLoader(this.readModel), app, target, new CompositionBudget());
      const stream = await bundleArchive(bundle.files, format);
      await reply.type(ARCHIVE_MEDIA_TYPE[format]).header('content-disposition', `attachment; filename="bundle-${target}.${format}"`).send(stream);
    } catch (e) {
      if (e instanceof ApiError) {
        const errors = e.diagnostics.filter((d) => d.severity === 'error');
        const shown = errors.length > 0 ? errors : [...e.diagnostics];
        const code = graphqlCodeFor(shown[0]!.code);
        // As GraphQL logs it: one line per refused token, never the header's value.
        if (code === 'UNAUTHENTICATED') this.logger.write('warn', 'authentication refused', { code: refusalCode(e), ip: request.ip });
        return refuse(reply, code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400, shown);
      }
      if (e instanceof LimitError)
        return refuse(reply, 400, [{ severity: 'error', code: 'INPUT_INVALID', path: 'app', message: e.message }], e.extensions.code);
      throw e;
    }
  }
}

function refuse(reply: FastifyReply, status: number, problems: readonly Diagnostic[], code?: string): Promise<void> {
  const body = { problems: problems.map((d) => ({ code: code ?? d.code, path: d.path, message: d.message })) };
  return reply.code(status).type('application/json; charset=utf-8').send(body) as unknown as Promise<void>;
}
