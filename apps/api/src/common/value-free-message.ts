import { GraphQLError, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type GraphQLSchema } from 'graphql';

// The AST kinds of literal values: what graphql-js (and scalars' parseLiteral) quote back when they refuse one.
const VALUE_KINDS: ReadonlySet<string> = new Set([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/** Where a refused literal stands and what was expected there, found again in the document; no part of the literal itself. */
function describePosition(e: GraphQLError, start: number, schema: GraphQLSchema | undefined): { where: string; expected?: string } | undefined {
  const body = e.source?.body;
  if (body === undefined) return undefined;
  let document;
  try {
    // The document already passed the request limits and parsed once: parsing it again is bounded the same way.
    document = parse(body, { noLocation: false });
  } catch {
    return undefined;
  }
  const typeInfo = schema ? new TypeInfo(schema) : undefined;
  let found: { where: string; expected?: string } | undefined;
  const ancestors: ASTNode[] = [];
  const visitor = {
    enter(node: ASTNode) {
      if (found) return false;
      if (VALUE_KINDS.has(node.kind) && node.loc?.start === start) {
        const owner = [...ancestors].reverse().find((a) => a.kind === Kind.ARGUMENT || a.kind === Kind.VARIABLE_DEFINITION);
        const field = [...ancestors].reverse().find((a) => a.kind === Kind.FIELD || a.kind === Kind.DIRECTIVE);
        const type = typeInfo?.getInputType();
        const expected = type ? String(type) : undefined;
        if (owner?.kind === Kind.VARIABLE_DEFINITION)
          found = {
            where: `the default value of $${owner.variable.name.value}`,
            expected: expected ?? String(owner.type.loc ? body.slice(owner.type.loc.start, owner.type.loc.end) : ''),
          };
        else if (owner?.kind === Kind.ARGUMENT && field && (field.kind === Kind.FIELD || field.kind === Kind.DIRECTIVE)) {
          found = { where: `${field.kind === Kind.DIRECTIVE ? '@' : ''}${field.name.value}(${owner.name.value}:)`, expected };
        } else found = { where: 'a value in the document', expected };
        return false;
      }
      ancestors.push(node);
      return undefined;
    },
    leave() {
      ancestors.pop();
    },
  };
  visit(document, typeInfo ? visitWithTypeInfo(typeInfo, visitor) : visitor);
  return found;
}

/**
 * A validation error about a literal value of the document, told without the literal:
 * graphql-js and the scalars quote the value they refuse, and a secret may be that
 * value. Names the argument (or variable) and the expected type; undefined when the
 * error is not about a literal value.
 */
export function valueFreeMessage(e: GraphQLError, schema?: GraphQLSchema): string | undefined {
  const node = e.nodes?.[0];
  if (!node || !VALUE_KINDS.has(node.kind) || node.loc === undefined) return undefined;
  const position = describePosition(e, node.loc.start, schema);
  if (!position) return 'a value in the document is not valid where it stands';
  if (!position.expected) return `${position.where} was given a value that is not valid there`;
  const article = /^[AEIOU]/.test(position.expected) ? 'an' : 'a';
  return `${position.where} expects ${article} ${position.expected}; the value given is not one`;
}
