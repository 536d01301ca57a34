import { Global, Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadTrustStore } from '../../../libs/certify/index.js';
import type { ApiConfig } from './api-config.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthService } from './auth/auth.service.js';
import { refusalCode } from './auth/refusal-code.js';
import { ANONYMOUS } from './auth/viewer.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { KitsModule } from './kits/kits.module.js';
import { CatalogReadModel } from './catalog/catalog-read-model.js';
import { createVersionLoader } from './catalog/version-loader.js';
import { ApiError } from './common/api-error.js';
import { argumentLengthProblems } from './common/argument-limits.js';
import { CompositionBudget } from './common/composition-budget.js';
import { documentLimitError } from './common/document-limits.js';
import { formatGraphqlErrors } from './common/format-graphql-errors.js';
import { JsonLogger } from './common/json-logger.js';
import { LimitError } from './common/limit-error.js';
import { queryCost } from './common/query-cost.js';
import { Readiness } from './common/readiness.js';
import type { RequestContext } from './common/request-context.js';
import { REQUEST_LIMITS } from './common/request-limits.js';
import { API_CONFIG, TRUST_STORE } from './common/tokens.js';
import { ComposeModule } from './compose/compose.module.js';
import { DayTwoModule } from './day-two/day-two.module.js';
import { ImportModule } from './import/import.module.js';
import { createDataSource } from './database/create-data-source.js';
import { databaseOptions } from './database/database-options.js';
import { retryRead } from './database/retry-transient.js';
import { HealthModule } from './health/health.module.js';
import { PublishingModule } from './publishing/publishing.module.js';
import { markPublicAnswer } from './web/public-answer.js';
import { generationReadFor } from './web/register-response-cache.js';
import { ResponseCache } from './web/response-cache.js';
import { withoutPlainResolvers } from './common/without-plain-resolvers.js';

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
          inject: [AuthService, CatalogReadModel],
          useFactory: (auth: AuthService, readModel: CatalogReadModel): MercuriusDriverConfig => ({
            path: GRAPHQL_PATH,
            autoSchemaFile: true,
            sortSchema: true,
            transformSchema: withoutPlainResolvers,
            graphiql: false,
            // A query seen twice is compiled (graphql-jit) off the request path: it then runs about twice as fast. The
            // adaptive mode, unlike `jit: N`, still coerces variables with graphql-js on every request, so errors read
            // the same; eluThreshold 1 lets compilation proceed under sustained load, when it pays most.
            jit: { minCount: 2, eluThreshold: 1 },
            // A bound on tokens bounds the parser's work; the request guard bounds its recursion (nesting) before it runs.
            graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
            errorFormatter: formatGraphqlErrors((message, error, level = 'error') => {
              const e = error as Error;
              logger.write(level, message, { error: e?.message, ...(level === 'error' ? { stack: e?.stack } : {}) });
            }),
            // Never throws: Mercurius would call it again from its error handler and answer 500.
            context: async (request: FastifyRequest): Promise<RequestContext> => {
              const versions = createVersionLoader(readModel, generationReadFor(request));
              const budget = new CompositionBudget();
              try {
                return { viewer: await retryRead(() => auth.viewerFor(request.headers.authorization)), versions, budget };
              } catch (e) {
                // One line per refused token (a guessing client leaves a trail); the header's value is never logged.
                if (e instanceof ApiError) logger.write('warn', 'authentication refused', { code: refusalCode(e), ip: request.ip });
                return { viewer: ANONYMOUS, versions, budget, authError: e as Error };
              }
            },
            hooks: {
              // Before graphql-js validates (some of its rules grow faster than the document): once per query text, as
              // Mercurius keeps validated documents. The request guard already bounded the text's nesting.
              // Ours, not Mercurius' `queryDepth` nor graphql-query-complexity: queryDepth runs after validate(), so a
              // fragment bomb would already have cost OverlappingFieldsCanBeMerged its time, and it bounds depth only;
              // graphql-query-complexity is a validation rule too and walks a fragment again at every spread (2^n for
              // n nested spreads). measureDocument measures each fragment once, depth, fields and cost in one pass.
              preValidation: async (schema, document) => {
                const error = documentLimitError(schema, document, { maxDepth: config.maxQueryDepth, maxFields: REQUEST_LIMITS.fields });
                if (error) throw error;
              },
              // What needs the variables (`first: $n`, a search word) is checked here, on every request.
              preExecution: async (schema, document, context, variables) => {
                const { authError } = context as unknown as RequestContext;
                if (authError) throw authError;
                const problems = argumentLengthProblems(schema, document, variables);
                if (problems.length > 0) throw new ApiError(problems);
                if (queryCost(schema, document, variables) > config.maxQueryCost) {
                  throw new LimitError(
                    'QUERY_TOO_COMPLEX',
                    `the query is too complex: its estimated cost exceeds ${config.maxQueryCost}; ask for fewer items or fields`,
                  );
                }
                const request = (context as unknown as { reply?: FastifyReply }).reply?.request;
                if (request && request.headers.authorization === undefined && ResponseCache.isCacheable(document)) markPublicAnswer(request);
              },
            },
          }),
        }),
        AuthModule,
        CatalogModule,
        KitsModule,
        ComposeModule,
        ImportModule,
        DayTwoModule,
        PublishingModule,
        HealthModule,
      ],
    };
  }
}
