import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** How many items a list field is assumed to return when nothing says (`first` does). */
const DEFAULT_LIST_SIZE = 10;
/** The largest page `components` serves; a `first` that is not a number counts as this. */
export const MAX_PAGE_SIZE = 100;

/**
 * The estimated cost of the costliest operation in a document: each field costs 1, and
 * a list multiplies the cost of what is selected under it by its `first` argument
 * (variables resolved) or an assumed size. Connection `edges`/`nodes` do not multiply
 * again. Runs before execution, with the request's variables.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  // Mercurius hands out one parsed document per query text: without variables its cost never changes.
  const fixed = !document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions?.length ?? 0) > 0);
  if (!fixed) return computeCost(schema, document, variables);
  let bySchema = fixedCosts.get(schema);
  if (!bySchema) fixedCosts.set(schema, (bySchema = new WeakMap()));
  let cost = bySchema.get(document);
  if (cost === undefined) bySchema.set(document, (cost = computeCost(schema, document, undefined)));
  return cost;
}

// Weak on both keys: a document evicted from Mercurius's cache (or a stopped server's schema) is freed.
const fixedCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, number>>();

function computeCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const pageSize = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE);
  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
        const type = field ? getNamedType(field.type) : undefined;
        let factor = 1;
        const first = s.arguments?.find((a) => a.name.value === 'first');
        if (first) factor = pageSize(valueFromASTUntyped(first.value, variables ?? {}));
        else if (field && isListType(getNullableType(field.type)) && s.name.value !== 'edges' && s.name.value !== 'nodes') factor = DEFAULT_LIST_SIZE;
        total += 1 + (s.selectionSet ? factor * costOf(s.selectionSet, type && isCompositeType(type) ? type : undefined, seen) : 0);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const named = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        total += costOf(s.selectionSet, named && isCompositeType(named) ? named : parent, seen);
      } else {
        const fragment = fragments.get(s.name.value);
        // A fragment cycle is reported by graphql-js's own NoFragmentCycles rule.
        if (fragment && !seen.has(s.name.value)) {
          const named = schema.getType(fragment.typeCondition.name.value);
          total += costOf(fragment.selectionSet, named && isCompositeType(named) ? named : undefined, new Set([...seen, s.name.value]));
        }
      }
    }
    return total;
  };
  let highest = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    highest = Math.max(highest, costOf(d.selectionSet, root ?? undefined, new Set()));
  }
  return highest;
}

/** The error for a request over the cost limit. */
export function tooComplex(maxCost: number): GraphQLError {
  return new GraphQLError(`the query is too complex: its estimated cost exceeds ${maxCost}; ask for fewer items or fields`, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}
