import { Kind, TypeInfo, valueFromASTUntyped, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { error, type Diagnostic } from '../../../../libs/diagnostics/index.js';
import { REQUEST_LIMITS } from './request-limits.js';

/**
 * Characters allowed in particular string arguments; every other string argument gets
 * REQUEST_LIMITS.argumentLength. Documents are bounded where they are read: an app spec
 * or a lock by the request's CompositionBudget, a manifest or certification by the YAML parser's
 * MAX_DOCUMENT_BYTES (and all by the body limit).
 */
const ARGUMENT_LENGTHS: Record<string, number> = {
  'Query.components.search': REQUEST_LIMITS.searchLength,
  'Query.compose.app': Infinity,
  // Read by the YAML parser, which bounds its size (MAX_DOCUMENT_BYTES), aliases and depth.
  'Query.importPreview.text': Infinity,
  'Query.outdated.lock': Infinity,
  'Query.outdated.app': Infinity,
  'Query.upgradePlan.lock': Infinity,
  'Query.upgradePlan.app': Infinity,
  'Mutation.publishComponent.manifest': Infinity,
  'Mutation.certifyComponentVersion.record': Infinity,
};

/**
 * Every string argument of a document (literal or variable) longer than it may be, as
 * INPUT_INVALID diagnostics whose path is the field's response path and the argument
 * (`components.search`). One pass over the document text: a fragment is read once,
 * however often it is spread. Values are never quoted.
 */
export function argumentLengthProblems(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): Diagnostic[] {
  // Mercurius hands out one parsed document per query text: without variables its answer never changes.
  const fixed = !document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions?.length ?? 0) > 0);
  if (!fixed) return findProblems(schema, document, variables);
  let problems = fixedProblems.get(document);
  if (!problems) fixedProblems.set(document, (problems = findProblems(schema, document, undefined)));
  return problems;
}

const fixedProblems = new WeakMap<DocumentNode, Diagnostic[]>();

function findProblems(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter: (node) => void path.push(node.alias?.value ?? node.name.value),
        leave: () => void path.pop(),
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const value = valueFromASTUntyped(node.value, variables ?? {});
        if (typeof value !== 'string' || !parent || !field) return;
        const limit = ARGUMENT_LENGTHS[`${parent.name}.${field.name}.${node.name.value}`] ?? REQUEST_LIMITS.argumentLength;
        if (value.length > limit) {
          problems.push(
            error(
              'INPUT_INVALID',
              [...path, node.name.value].join('.'),
              `must be at most ${limit.toLocaleString('en-US')} characters (it has ${value.length.toLocaleString('en-US')})`,
            ),
          );
        }
      },
    }),
  );
  return problems;
}
