import {
  getNamedType,
  getNullableType,
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
// Sums and products saturate here: a document of 2,000 tokens can describe 2^600 fields,
// and Infinity × 0 (`first: 0`) would be NaN, which compares false against every limit.
const CEILING = Number.MAX_SAFE_INTEGER;

/** What a document asks for, its fragments expanded: its deepest and costliest operation, and all its fields. */
export interface DocumentMeasure {
  /** Fields nested in fields, introspection not counted (it is bounded by the schema). */
  depth: number;
  /** Every field the document's operations select (all are validated, one runs), each fragment counted as often as it is spread. */
  fields: number;
  /** Each field 1, times `first` (or an assumed size) for what a list selects; introspection free. */
  cost: number;
}

/**
 * Measures a document in one pass over its text: each fragment is measured once and
 * its measure reused wherever it is spread, so a fragment spread 2^60 times costs no
 * more to measure than one spread once. Safe before validation: unknown fragments and
 * fields count as empty, and a fragment cycle is cut (NoFragmentCyclesRule reports it).
 */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>): DocumentMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // A fragment's selections are always read against its own type condition, so its measure does not depend on where it is spread.
  const measured = new Map<string, DocumentMeasure | 'measuring'>();
  const pageSize = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  const typeNamed = (name: string) => {
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };

  const fragmentMeasure = (name: string): DocumentMeasure => {
    const known = measured.get(name);
    if (known === 'measuring') return EMPTY;
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return EMPTY;
    measured.set(name, 'measuring');
    const result = selectionMeasure(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
    measured.set(name, result);
    return result;
  };

  const selectionMeasure = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): DocumentMeasure => {
    const total = { depth: 0, fields: 0, cost: 0 };
    const add = (m: DocumentMeasure) => {
      total.depth = Math.max(total.depth, m.depth);
      total.fields = Math.min(total.fields + m.fields, CEILING);
      total.cost = Math.min(total.cost + m.cost, CEILING);
    };
    for (const s of set.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        add(fragmentMeasure(s.name.value));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        add(selectionMeasure(s.selectionSet, s.typeCondition ? typeNamed(s.typeCondition.name.value) : parent));
      } else {
        const introspection = s.name.value.startsWith('__');
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
        const named = field ? getNamedType(field.type) : undefined;
        const inner = s.selectionSet ? selectionMeasure(s.selectionSet, named && isCompositeType(named) ? named : undefined) : EMPTY;
        let factor = 1;
        const first = s.arguments?.find((a) => a.name.value === 'first');
        if (first) factor = pageSize(valueFromASTUntyped(first.value, variables ?? {}));
        else if (field && isListType(getNullableType(field.type)) && s.name.value !== 'edges' && s.name.value !== 'nodes') factor = DEFAULT_LIST_SIZE;
        add({
          depth: introspection ? 0 : 1 + inner.depth,
          fields: 1 + inner.fields,
          cost: introspection ? 0 : 1 + Math.min(factor * inner.cost, CEILING),
        });
      }
    }
    return total;
  };

  const highest = { depth: 0, fields: 0, cost: 0 };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    const m = selectionMeasure(d.selectionSet, root ?? undefined);
    highest.depth = Math.max(highest.depth, m.depth);
    highest.fields = Math.min(highest.fields + m.fields, CEILING);
    highest.cost = Math.max(highest.cost, m.cost);
  }
  return highest;
}

const EMPTY: DocumentMeasure = { depth: 0, fields: 0, cost: 0 };
