import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { isTransientDatabaseError } from '../database/is-transient-database-error.js';
import { carriesErrors, isPublicAnswer, markPublicAnswer } from './public-answer.js';
import { ResponseCache } from './response-cache.js';

/** Marks set on a request while it is answered. */
interface CacheState {
  key: string;
  generation: number;
}
const STATE = Symbol('aisle.responseCache');
type WithState = FastifyRequest & { [STATE]?: CacheState };

/** The catalog generation the response cache read for this request before it ran, if it read one (the read model reuses it). */
export function generationReadFor(request: FastifyRequest): number | undefined {
  return (request as WithState)[STATE]?.generation;
}

/**
 * Serves repeated anonymous browse queries from memory, after one cheap read of the
 * catalog generation. Requests with a token, mutations, compose and validateInputs
 * always run (compose answers carry generated secrets: never shared): only answers
 * marked public before execution (markPublicAnswer) are kept.
 */
export function registerResponseCache(fastify: FastifyInstance, graphqlPath: string, repository: CatalogRepository): ResponseCache {
  const cache = new ResponseCache();
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.url !== graphqlPath || request.headers.authorization !== undefined) return;
    const key = cache.keyOf(request.body);
    if (key === undefined) return;
    // A database that cannot say its generation cannot vouch for a cached answer: the request runs, and says so.
    const generation = await repository.generation().catch((e: unknown) => {
      if (isTransientDatabaseError(e)) return undefined;
      throw e;
    });
    if (generation === undefined) return;
    const hit = cache.get(key, generation);
    if (hit) {
      // Only public answers were kept: this one is public too.
      markPublicAnswer(request);
      // The Cache-Control a public answer without errors gets (register-http-semantics), said here: only such answers
      // were kept, and scanning the kept bytes for errors on every hit would cost more than the rest of the hit.
      return reply.code(200).type('application/json; charset=utf-8').header('x-aisle-cache', 'hit').header('cache-control', 'no-cache').send(hit);
    }
    (request as WithState)[STATE] = { key, generation };
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    const state = (request as WithState)[STATE];
    if (!state || !isPublicAnswer(request) || reply.statusCode !== 200) return payload;
    // Errors are never kept.
    if (!carriesErrors(payload)) cache.set(state.key, state.generation, typeof payload === 'string' ? Buffer.from(payload) : (payload as Buffer));
    return payload;
  });
  return cache;
}
