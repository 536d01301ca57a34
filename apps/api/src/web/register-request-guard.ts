import type { FastifyInstance } from 'fastify';

/**
 * Refuses GraphQL requests whose shape Mercurius would misread before they reach it: a
 * `query` that is not text, or text that is JSON (Mercurius would take it for a parsed
 * document and hand it to the validator unchecked), and variables or an operation name
 * of the wrong type.
 */
export function registerRequestGuard(fastify: FastifyInstance, graphqlPath: string): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.url.split('?')[0] !== graphqlPath) return;
    const params = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | undefined;
    if (typeof params !== 'object' || params === null) return;
    const problem = check(params);
    if (problem) return reply.code(400).type('application/json; charset=utf-8').send({ data: null, errors: [{ message: problem.message, extensions: { code: problem.code } }] });
  });
}

function check(params: Record<string, unknown>): { code: string; message: string } | undefined {
  const { query, variables, operationName } = params;
  if (query !== undefined && typeof query !== 'string') return { code: 'BAD_USER_INPUT', message: '"query" must be a GraphQL document as text' };
  if (typeof query === 'string' && looksLikeJson(query)) return { code: 'GRAPHQL_PARSE_FAILED', message: '"query" must be a GraphQL document as text, not JSON' };
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)) && typeof variables !== 'string') {
    return { code: 'BAD_USER_INPUT', message: '"variables" must be a JSON object' };
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return { code: 'BAD_USER_INPUT', message: '"operationName" must be text' };
  return undefined;
}

// No GraphQL document is also valid JSON (`{ field }` fails at once), so this only refuses JSON.
// A JSON object opens with `{"` or `{}`: the common `{ field }` query is told apart without a failing JSON.parse.
function looksLikeJson(text: string): boolean {
  if (!/^\s*(\{\s*["}]|[["\d-]|true|false|null)/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
