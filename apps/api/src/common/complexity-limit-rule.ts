import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/** How many items a list field is assumed to return when nothing says (`first` does). */
const DEFAULT_LIST_SIZE = 10;
/** `first` given as a variable is counted at the largest page the API serves. */
export const MAX_PAGE_SIZE = 100;

/**
 * A validation rule rejecting operations whose estimated cost exceeds `maxCost`: each
 * field costs 1, and a list multiplies the cost of what is selected under it by its
 * `first` argument (or an assumed size). Connection `edges`/`nodes` do not multiply again.
 */
export function complexityLimitRule(maxCost: number): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined, seen: ReadonlySet<string>): number => {
      let total = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
          const type = field ? getNamedType(field.type) : undefined;
          let factor = 1;
          const first = s.arguments?.find((a) => a.name.value === 'first');
          if (first) factor = first.value.kind === Kind.INT ? Math.min(Math.max(Number(first.value.value), 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
          else if (field && isListType(getNullableType(field.type)) && s.name.value !== 'edges' && s.name.value !== 'nodes') factor = DEFAULT_LIST_SIZE;
          total += 1 + (s.selectionSet ? factor * costOf(s.selectionSet, type && isCompositeType(type) ? type : undefined, seen) : 0);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          const named = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
          total += costOf(s.selectionSet, named && isCompositeType(named) ? named : parent, seen);
        } else {
          const fragment = fragments.get(s.name.value);
          if (fragment && !seen.has(s.name.value)) {
            const named = schema.getType(fragment.typeCondition.name.value);
            total += costOf(fragment.selectionSet, named && isCompositeType(named) ? named : undefined, new Set([...seen, s.name.value]));
          }
        }
        if (total > maxCost) return total;
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        const cost = costOf(node.selectionSet, root ?? undefined, new Set());
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`the query is too complex: its estimated cost exceeds ${maxCost}; ask for fewer items or fields`, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } }));
        }
      },
    };
  };
}
