import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { findProjectRoot } from '../../../../libs/catalog/index.js';

interface Asset {
  file: string;
  type: string;
}

const ASSETS: Record<string, Asset> = {
  'graphiql.min.css': { file: 'node_modules/graphiql/graphiql.min.css', type: 'text/css; charset=utf-8' },
  'graphiql.min.js': { file: 'node_modules/graphiql/graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'react.production.min.js': { file: 'node_modules/react/umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { file: 'node_modules/react-dom/umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'ide.js': { file: 'apps/web/ide.js', type: 'text/javascript; charset=utf-8' },
};

// Only this origin: the browser itself refuses to load or send anything elsewhere.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves the GraphQL IDE: `GET /graphql` from a browser (Accept: text/html) gets the
 * page, and its scripts and styles come from this server's node_modules under /ide/.
 */
export function registerIde(fastify: FastifyInstance, graphqlPath: string): void {
  const root = findProjectRoot();
  const page = readFileSync(join(root, 'apps/web/index.html'));
  const files = new Map(Object.entries(ASSETS).map(([name, a]) => [name, { body: readFileSync(join(root, a.file)), type: a.type }]));
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== graphqlPath) return;
    const accept = request.headers.accept ?? '';
    // A GET with a query is GraphQL over HTTP, whatever the Accept header says.
    if (!accept.includes('text/html') || request.url.includes('query=')) return;
    await reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
  fastify.get('/ide/:file', async (request, reply) => {
    const asset = files.get((request.params as { file: string }).file);
    if (!asset) return reply.code(404).type('application/json').send({ error: 'not found' });
    return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
  });
}
