import { isObjectType, type GraphQLSchema } from 'graphql';

// The name Nest gives the resolver it puts on every @Field: it reads the property and falls back to the field's defaultValue.
const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';
const PROBE = Symbol('probe');

/**
 * Removes the resolvers Nest puts on plain properties, where they do only what GraphQL's
 * default does: read the property of the same name. A field with a resolver is a call per
 * value for graphql-jit (a page of the browse query holds hundreds of such values), one
 * without is a property read compiled into the query. Each is probed before it goes:
 * only a resolver that answers the property of the field's own name, and nothing (no
 * defaultValue) when the property is missing, is removed. Changes the schema in place.
 */
export function withoutPlainResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as ((source: unknown) => unknown) | undefined;
      if (resolve?.name !== NEST_PROPERTY_RESOLVER) continue;
      if (resolve({ [field.name]: PROBE }) === PROBE && resolve({}) === undefined) field.resolve = undefined;
    }
  }
  return schema;
}
