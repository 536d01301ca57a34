import type { FastifyInstance } from 'fastify';
import { GRAPHQL_RESPONSE_JSON, responseMediaType } from '../common/response-media-type.js';
import { carriesErrors, isPublicAnswer } from './public-answer.js';

/**
 * Headers of every answer of the GraphQL endpoint, errors included, whoever produced it
 * (Mercurius, the request guard, the response cache, Fastify's body parser):
 * - Content-Type: application/graphql-response+json when the client prefers it;
 * - Cache-Control: no-store, since an answer may carry generated secrets (compose) or
 *   what a token may see, except a public browse answer without errors: no-cache, so
 *   a cache may keep it but must ask again (the catalog changes with every publish).
 * Answers that set their own (the IDE page) are left alone.
 */
export function registerHttpSemantics(fastify: FastifyInstance, graphqlPath: string): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] !== graphqlPath) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('application/json')) return payload;
    if (responseMediaType(request.headers.accept) === GRAPHQL_RESPONSE_JSON) reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
    if (!reply.hasHeader('cache-control')) {
      const shared = isPublicAnswer(request) && reply.statusCode === 200 && !carriesErrors(payload);
      reply.header('cache-control', shared ? 'no-cache' : 'no-store');
    }
    return payload;
  });
}
