import type { FastifyInstance } from 'fastify';
import { documentNesting } from '../common/document-nesting.js';
import type { GraphqlErrorCode } from '../common/graphql-error-code.js';
import { measureJson } from '../common/measure-json.js';
import { REQUEST_LIMITS } from '../common/request-limits.js';

interface Refusal {
  code: GraphqlErrorCode;
  message: string;
  /** Where in the variables, for problems with them. */
  path?: string;
}

/**
 * Refuses GraphQL requests whose shape Mercurius would misread, or that something would
 * walk by recursion, before anything reads them: a `query` that is not text, or text that
 * is JSON (Mercurius would take it for a parsed document and hand it to the validator
 * unchecked), or nested too deep for the parser; variables that are not an object, nested
 * too deep, too many, or holding a number JSON cannot carry (`1e309`); an operation name
 * of the wrong type. Runs before the response cache, so a refusal reads the same cached or not.
 */
export function registerRequestGuard(fastify: FastifyInstance, graphqlPath: string): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.url.split('?')[0] !== graphqlPath) return;
    const params = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | undefined;
    if (typeof params !== 'object' || params === null) return;
    const refusal = check(params, request.method !== 'POST');
    if (!refusal) return;
    const problems = refusal.path === undefined ? {} : { problems: [{ path: refusal.path, code: 'INPUT_INVALID', message: refusal.message }] };
    const message = refusal.path === undefined ? refusal.message : `${refusal.path}: ${refusal.message}`;
    // A request error: no `data` entry (GraphQL over HTTP).
    return reply
      .code(400)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code: refusal.code, ...problems } }] });
  });
}

function check(params: Record<string, unknown>, variablesAsText: boolean): Refusal | undefined {
  const { query, operationName } = params;
  if (query !== undefined && typeof query !== 'string') return { code: 'BAD_USER_INPUT', message: '"query" must be a GraphQL document as text' };
  if (typeof query === 'string' && looksLikeJson(query))
    return { code: 'GRAPHQL_PARSE_FAILED', message: '"query" must be a GraphQL document as text, not JSON' };
  if (typeof query === 'string' && documentNesting(query, REQUEST_LIMITS.nesting) > REQUEST_LIMITS.nesting) {
    return {
      code: 'GRAPHQL_PARSE_FAILED',
      message: `Syntax Error: the document is nested more than ${REQUEST_LIMITS.nesting} levels deep (brackets, braces and parentheses)`,
    };
  }
  // A GET carries variables as JSON text; text that does not parse is Mercurius's to report.
  const variables = variablesAsText && typeof params.variables === 'string' ? parsedOrUndefined(params.variables) : params.variables;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return { code: 'BAD_USER_INPUT', message: '"variables" must be a JSON object' };
  }
  if (typeof variables === 'object' && variables !== null) {
    const refusal = checkVariables(variables);
    if (refusal) return refusal;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return { code: 'BAD_USER_INPUT', message: '"operationName" must be text' };
  return undefined;
}

function checkVariables(variables: object): Refusal | undefined {
  const { nesting, variableValues } = REQUEST_LIMITS;
  let values = 0;
  for (const [name, value] of Object.entries(variables)) {
    const path = shortened(`variables.${name}`);
    const measure = measureJson(value, { maxDepth: nesting, maxValues: variableValues - values }, path);
    values += measure.values;
    if (measure.depth > nesting) return { code: 'BAD_USER_INPUT', path, message: `is nested more than ${nesting} levels deep` };
    if (values > variableValues)
      return { code: 'BAD_USER_INPUT', path: 'variables', message: `holds more than ${variableValues.toLocaleString('en-US')} values` };
    // Infinity would print as null: refused here, before the response cache could mistake it for a null.
    if (measure.infiniteAt !== undefined)
      return { code: 'BAD_USER_INPUT', path: shortened(measure.infiniteAt), message: 'is a number too large for JSON to carry (it reads as infinity)' };
  }
  return undefined;
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// A path names keys the caller chose; a key may be any length.
function shortened(path: string): string {
  return path.length <= 200 ? path : `${path.slice(0, 199)}…`;
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
