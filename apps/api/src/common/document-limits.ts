import type { DocumentNode, GraphQLSchema } from 'graphql';
import { LimitError } from './limit-error.js';
import { measureDocument } from './measure-document.js';

/**
 * The first limit a document goes over, depth or size, or undefined. Meant to run before
 * graphql-js validates the document: its rules (overlapping fields above all) grow
 * faster than the number of fields, so a document is measured in one linear pass first,
 * fragments counted as often as they are spread but never expanded.
 */
export function documentLimitError(schema: GraphQLSchema, document: DocumentNode, limits: { maxDepth: number; maxFields: number }): LimitError | undefined {
  const { depth, fields } = measureDocument(schema, document);
  if (depth > limits.maxDepth) return new LimitError('QUERY_TOO_DEEP', `the query is nested more than ${limits.maxDepth} fields deep`);
  if (fields > limits.maxFields) {
    return new LimitError(
      'QUERY_TOO_COMPLEX',
      `the query selects more than ${limits.maxFields} fields once its fragments are expanded (each spread counts); ask for fewer fields, or spread fragments fewer times`,
    );
  }
  return undefined;
}
