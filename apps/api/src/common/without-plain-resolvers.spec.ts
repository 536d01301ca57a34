import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withoutPlainResolvers } from './without-plain-resolvers.js';

// The shape of the resolver Nest puts on each @Field (ObjectTypeDefinitionFactory.createFieldResolver).
function nestResolver(property: string, defaultValue?: string) {
  const rootFieldResolver = (root: Record<string, unknown>) => (root[property] === undefined ? defaultValue : root[property]);
  return rootFieldResolver;
}

describe('withoutPlainResolvers', () => {
  it('removes only resolvers that read the property of the field’s own name and have no default', () => {
    const custom = () => 'computed';
    const query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        plain: { type: GraphQLString, resolve: nestResolver('plain') },
        withDefault: { type: GraphQLString, resolve: nestResolver('withDefault', 'fallback') },
        renamed: { type: GraphQLString, resolve: nestResolver('otherProperty') },
        computed: { type: GraphQLString, resolve: custom },
      },
    });
    const fields = withoutPlainResolvers(new GraphQLSchema({ query })).getQueryType()!.getFields();
    expect(fields.plain!.resolve).toBeUndefined();
    expect(fields.withDefault!.resolve).toBeDefined();
    expect(fields.renamed!.resolve).toBeDefined();
    expect(fields.computed!.resolve).toBe(custom);
  });
});
