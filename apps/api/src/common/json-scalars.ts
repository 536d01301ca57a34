import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';

/** Any JSON value, returned as is (e.g. an inputs JSON Schema). */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

// Never quote the value in the message: it may hold a secret.
const notAnObject = () => new GraphQLError('must be a JSON object such as { "database": "shop" }', { extensions: { code: 'BAD_USER_INPUT' } });

/** A JSON object (e.g. input values by name); anything else is refused without echoing it. */
export const JsonObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notAnObject();
    return value;
  },
  parseLiteral: (ast: ValueNode, variables) => {
    if (ast.kind !== Kind.OBJECT) throw notAnObject();
    return valueFromASTUntyped(ast, variables);
  },
});
