import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findProjectRoot } from '../../../../libs/catalog/index.js';

/** Where `npm run build` (vite) writes the storefront, from the project root. */
export const STORE_DIST = 'dist/web';

/** The storefront's pages: each answers with the same index.html, the page picks its view from the path. */
export const STORE_ROUTES = ['/', '/components/*', '/app'];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

// Only this origin, and no inline script or style: what a publisher wrote can never run here.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the storefront built by vite: its pages (no-cache, so a new build is seen at
 * once) and its assets under /assets/, named by content hash and so cached for a year as
 * immutable. Without a build, the pages say how to make one.
 */
export function registerStore(fastify: FastifyInstance): void {
  const dir = join(findProjectRoot(), STORE_DIST);
  const index = existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html')) : undefined;
  const assetsDir = join(dir, 'assets');
  const assets = new Map<string, { body: Buffer; type: string }>();
  if (existsSync(assetsDir)) {
    for (const name of readdirSync(assetsDir))
      assets.set(name, { body: readFileSync(join(assetsDir, name)), type: TYPES[extname(name)] ?? 'application/octet-stream' });
  }
  const page = async (_request: unknown, reply: FastifyReply) => {
    void reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    if (!index)
      return reply.code(503).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('The store is not built: run npm run build.\n');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  };
  for (const route of STORE_ROUTES) fastify.get(route, page);
  fastify.get('/assets/:file', async (request, reply) => {
    const asset = assets.get((request.params as { file: string }).file);
    if (!asset) return reply.code(404).header('cache-control', 'no-store').type('application/json').send({ error: 'not found' });
    return reply.header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').type(asset.type).send(asset.body);
  });
}
