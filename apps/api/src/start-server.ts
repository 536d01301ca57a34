import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyBaseLogger } from 'fastify';
import type { ApiConfig } from './api-config.js';
import { AppModule, GRAPHQL_PATH } from './app.module.js';
import { JsonLogger } from './common/json-logger.js';
import { registerHttpSemantics } from './web/register-http-semantics.js';
import { registerIde } from './web/register-ide.js';
import { registerRequestGuard } from './web/register-request-guard.js';
import { registerResponseCache } from './web/register-response-cache.js';
import { registerStore } from './web/register-store.js';
import { registerBundleBodyErrors } from './compose/register-bundle-body-errors.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { ensurePortFree } from './ensure-port-free.js';
import { PortInUseError } from './port-in-use-error.js';

/** A listening service. */
export interface RunningServer {
  app: NestFastifyApplication;
  /** Base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  logger: JsonLogger;
  /** Stops accepting requests, finishes those in flight, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the service: checks the port is free, then migrations, catalog ingest, and
 * listening on config.port (0 picks a free port). Throws PortInUseError when the port is
 * taken, and when the database cannot be opened.
 */
export async function startServer(config: ApiConfig, logger: JsonLogger = new JsonLogger(config.logSink, config.logLevel)): Promise<RunningServer> {
  await ensurePortFree(config.port, config.host);
  // Fastify's own lines (a handler's crash, a client error it logs) go through the same pino, redacted alike; its
  // per-request info lines are left out, the debug hook below logs requests without their query strings.
  const fastifyLogger = logger.pino.child({ context: 'fastify' }, { level: config.logLevel === 'debug' ? 'debug' : 'warn' });
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    loggerInstance: fastifyLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (it would only carry a request id no line uses): the hot path stays as without a logger.
    childLoggerFactory: (logger: FastifyBaseLogger) => logger,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, { logger, abortOnError: false });
  const fastify = app.getHttpAdapter().getInstance();
  registerIde(fastify, GRAPHQL_PATH);
  registerStore(fastify);
  registerBundleBodyErrors(fastify, config.bodyLimit);
  registerRequestGuard(fastify, GRAPHQL_PATH);
  if (config.responseCache) registerResponseCache(fastify, GRAPHQL_PATH, app.get(CatalogRepository));
  registerHttpSemantics(fastify, GRAPHQL_PATH);
  // The path only: a GET query string may carry variables, and variables may carry secrets.
  if (config.logLevel === 'debug') {
    fastify.addHook('onResponse', async (request, reply) => {
      logger.write('debug', 'request', {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      });
    });
  }
  try {
    await app.listen(config.port, config.host);
  } catch (e) {
    await app.close().catch(() => undefined);
    // Another process took the port between the check and now.
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(config.port, config.host);
    throw e;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  logger.write('info', 'listening', {
    url: `${url}${GRAPHQL_PATH}`,
    store: `${url}/`,
    database: config.databaseUrl.startsWith('postgres') ? 'postgresql' : 'sqlite',
  });
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    logger,
    close: () => (closing ??= app.close()),
  };
}
