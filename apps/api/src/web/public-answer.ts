import type { FastifyRequest } from 'fastify';

const PUBLIC = Symbol('aisle.publicAnswer');
type Marked = FastifyRequest & { [PUBLIC]?: true };

/** Marks a request whose answer depends on the public catalog only: anonymous, and browsing (ResponseCache.isCacheable). */
export function markPublicAnswer(request: FastifyRequest): void {
  (request as Marked)[PUBLIC] = true;
}

/** True when markPublicAnswer was called for this request: its answer may be kept and served to anyone. */
export function isPublicAnswer(request: FastifyRequest): boolean {
  return (request as Marked)[PUBLIC] === true;
}

/** True when an answer's JSON text carries errors (a missing component is null, not an error). */
export function carriesErrors(payload: unknown): boolean {
  // Looked for in the bytes: copying an answer of tens of kilobytes into a string on every request cost more than the search.
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) return payload.includes('"errors"');
  return true;
}
