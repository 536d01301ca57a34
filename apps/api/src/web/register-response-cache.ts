import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { isTransientDatabaseError } from '../database/is-transient-database-error.js';
import { ResponseCache } from './response-cache.js';

/** Marks set on a request while it is answered. */
interface CacheState {
  key: string;
  generation: number;
  cacheable: boolean;
}
const STATE = Symbol('aisle.responseCache');
type WithState = FastifyRequest & { [STATE]?: CacheState };

/**
 * Serves repeated anonymous browse queries from memory, after one cheap read of the
 * catalog generation. Requests with a token, mutations, compose and validateInputs
 * always run (compose answers carry generated secrets: never shared).
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
    if (hit) return reply.code(200).type('application/json; charset=utf-8').header('x-aisle-cache', 'hit').send(hit);
    (request as WithState)[STATE] = { key, generation, cacheable: false };
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    const state = (request as WithState)[STATE];
    if (!state?.cacheable || reply.statusCode !== 200) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : undefined;
    // Errors (a missing component is null, not an error) are never kept.
    if (body && !body.includes('"errors"')) cache.set(state.key, state.generation, body);
    return payload;
  });
  return cache;
}

/** Called before execution: lets the answer be kept when the operation only browses. */
export function markCacheable(request: FastifyRequest | undefined, cacheable: boolean): void {
  const state = request ? (request as WithState)[STATE] : undefined;
  if (state) state.cacheable = cacheable;
}
