import { Global, Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadTrustStore } from '../../../libs/certify/index.js';
import type { ApiConfig } from './api-config.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthService } from './auth/auth.service.js';
import { ANONYMOUS } from './auth/viewer.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { createVersionLoader } from './catalog/version-loader.js';
import { depthLimitRule } from './common/depth-limit-rule.js';
import { formatGraphqlErrors } from './common/format-graphql-errors.js';
import { JsonLogger } from './common/json-logger.js';
import { queryCost, tooComplex } from './common/query-cost.js';
import { Readiness } from './common/readiness.js';
import type { RequestContext } from './common/request-context.js';
import { API_CONFIG, TRUST_STORE } from './common/tokens.js';
import { ComposeModule } from './compose/compose.module.js';
import { createDataSource } from './database/create-data-source.js';
import { databaseOptions } from './database/database-options.js';
import { retryRead } from './database/retry-transient.js';
import { HealthModule } from './health/health.module.js';
import { PublishingModule } from './publishing/publishing.module.js';
import { markCacheable } from './web/register-response-cache.js';
import { ResponseCache } from './web/response-cache.js';

export const GRAPHQL_PATH = '/graphql';
const MAX_QUERY_TOKENS = 2000;

/** The service: one Nest module per feature over a TypeORM database and a Mercurius GraphQL endpoint. */
@Module({})
export class AppModule {
  /** The module tree for one configuration (tests start several, each with its own database). */
  static forRoot(config: ApiConfig, logger: JsonLogger): DynamicModule {
    const settings = { url: config.databaseUrl, schema: config.databaseSchema, logger: config.queryCounter };
    @Global()
    @Module({
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: JsonLogger, useValue: logger },
        { provide: Readiness, useValue: new Readiness() },
        {
          provide: TRUST_STORE,
          useFactory: () => {
            const store = loadTrustStore(config.trustDir);
            for (const d of store.diagnostics) logger.write('warn', `trust store: ${d.message}`, { file: d.file });
            return store;
          },
        },
      ],
      exports: [API_CONFIG, JsonLogger, Readiness, TRUST_STORE],
    })
    class CoreModule {}

    return {
      module: AppModule,
      imports: [
        CoreModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => databaseOptions(settings),
          // Our factory runs the migrations (and, for test schemas, creates the schema) before anything queries.
          dataSourceFactory: () => createDataSource(settings),
        }),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AuthModule, CatalogModule],
          inject: [AuthService, CatalogRepository],
          useFactory: (auth: AuthService, repository: CatalogRepository): MercuriusDriverConfig => ({
            path: GRAPHQL_PATH,
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: false,
            // A query seen twice is compiled (graphql-jit) off the request path: it then runs about twice as fast. The
            // adaptive mode, unlike `jit: N`, still coerces variables with graphql-js on every request, so errors read
            // the same; eluThreshold 1 lets compilation proceed under sustained load, when it pays most.
            jit: { minCount: 2, eluThreshold: 1 },
            // A bound on tokens bounds the parser's recursion: absurdly nested text is a syntax error, not a stack overflow.
            graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
            validationRules: [depthLimitRule(config.maxQueryDepth)],
            errorFormatter: formatGraphqlErrors((message, error, level = 'error') => {
              const e = error as Error;
              logger.write(level, message, { error: e?.message, ...(level === 'error' ? { stack: e?.stack } : {}) });
            }),
            // Never throws: Mercurius would call it again from its error handler and answer 500.
            context: async (request: FastifyRequest): Promise<RequestContext> => {
              const versions = createVersionLoader(repository);
              try {
                return { viewer: await retryRead(() => auth.viewerFor(request.headers.authorization)), versions };
              } catch (e) {
                return { viewer: ANONYMOUS, versions, authError: e as Error };
              }
            },
            hooks: {
              // Cost needs the variables (`first: $n`), so it is checked here rather than as a cached validation rule.
              preExecution: async (schema, document, context, variables) => {
                const { authError } = context as unknown as RequestContext;
                if (authError) throw authError;
                if (queryCost(schema, document, variables) > config.maxQueryCost) throw tooComplex(config.maxQueryCost);
                markCacheable((context as unknown as { reply?: FastifyReply }).reply?.request, ResponseCache.isCacheable(document));
              },
            },
          }),
        }),
        AuthModule,
        CatalogModule,
        ComposeModule,
        PublishingModule,
        HealthModule,
      ],
    };
  }
}
