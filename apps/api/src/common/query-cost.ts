import { Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { measureDocument } from './measure-document.js';

export { MAX_PAGE_SIZE } from './measure-document.js';

/**
 * The estimated cost of the costliest operation in a document: each field costs 1, and
 * a list multiplies the cost of what is selected under it by its `first` argument
 * (variables resolved) or an assumed size. Connection `edges`/`nodes` do not multiply
 * again. Runs before execution, with the request's variables, in one pass (measureDocument).
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  // Mercurius hands out one parsed document per query text: without variables its cost never changes.
  const fixed = !document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions?.length ?? 0) > 0);
  if (!fixed) return measureDocument(schema, document, variables).cost;
  let bySchema = fixedCosts.get(schema);
  if (!bySchema) fixedCosts.set(schema, (bySchema = new WeakMap()));
  let cost = bySchema.get(document);
  if (cost === undefined) bySchema.set(document, (cost = measureDocument(schema, document).cost));
  return cost;
}

// Weak on both keys: a document evicted from Mercurius's cache (or a stopped server's schema) is freed.
const fixedCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, number>>();
