import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

const SECRET = 'hunter2-secret';
const ENUM_SECRET = 'HUNTER2_SECRET';

/**
 * Documents whose literal values the schema refuses, each holding a secret-looking word, and
 * the sentence each must answer with instead of quoting the literal: one per kind of
 * argument (String, Int, Boolean, JSON object scalar, enum), with object and list literals,
 * an unknown enum value, and variables' default values.
 */
const CASES: Array<[string, string, string]> = [
  ['object literal for a String', `{ compose(app: { password: "${SECRET}" }) { lock } }`, 'compose(app:) expects a String!; the value given is not one'],
  // graphql-js checks each item of a list given for a non-list type against the type itself.
  ['list literal for a String', `{ compose(app: ["${SECRET}"]) { lock } }`, 'compose(app:) expects a String; the value given is not one'],
  ['number for a String', `{ component(name: 1234${'5'.repeat(3)}) { name } }`, 'component(name:) expects a String!; the value given is not one'],
  ['string for an Int', `{ components(first: "${SECRET}") { totalCount } }`, 'components(first:) expects an Int; the value given is not one'],
  [
    'string for a Boolean',
    `{ components(certifiedOnly: "${SECRET}") { totalCount } }`,
    'components(certifiedOnly:) expects a Boolean; the value given is not one',
  ],
  ['string for the JSON object scalar', `{ validateInputs(component: "postgresql", range: "^16", inputs: "${SECRET}") { valid } }`, 'JSON'],
  ['list for the JSON object scalar', `{ validateInputs(component: "postgresql", range: "^16", inputs: ["${SECRET}"]) { valid } }`, 'JSON'],
  [
    'object for a String inside validateInputs',
    `{ validateInputs(component: { password: "${SECRET}" }, inputs: {}) { valid } }`,
    'validateInputs(component:) expects a String!; the value given is not one',
  ],
  ['unknown enum value', `{ compose(app: "x", target: ${ENUM_SECRET}) { lock } }`, 'compose(target:) expects a Target; the value given is not one'],
  ['string for an enum', `{ compose(app: "x", target: "${SECRET}") { lock } }`, 'compose(target:) expects a Target; the value given is not one'],
  [
    'variable default: object for a String',
    `query Q($app: String! = { password: "${SECRET}" }) { compose(app: $app) { lock } }`,
    'the default value of $app expects a String!; the value given is not one',
  ],
  [
    'variable default: unknown enum value',
    `query Q($t: Target = ${ENUM_SECRET}) { compose(app: "x", target: $t) { lock } }`,
    'the default value of $t expects a Target; the value given is not one',
  ],
  [
    'variable default: string for an Int',
    `query Q($n: Int = "${SECRET}") { components(first: $n) { totalCount } }`,
    'the default value of $n expects an Int; the value given is not one',
  ],
  [
    'mutation argument',
    `mutation { publishComponent(manifest: { password: "${SECRET}" }) { created } }`,
    'publishComponent(manifest:) expects a String!; the value given is not one',
  ],
];

describe('literal values in a document are never quoted back (GraphQL validation and coercion)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { catalogDir: undefined });
  });
  afterAll(async () => t?.stop());

  it.each(CASES)('%s', async (_, document, sentence) => {
    const before = t.logs.length;
    const r = await t.gql(document);
    expect(r.status).toBeLessThan(500);
    const error = r.body.errors?.[0] as { message: string; locations?: Array<{ line: number }>; extensions?: { code?: string } };
    if (sentence === 'JSON') {
      // The JSON scalar's own refusal: a value-free sentence (graphql-js reports it without a location).
      expect(error).toMatchObject({ message: 'must be a JSON object such as { "database": "shop" }', extensions: { code: 'BAD_USER_INPUT' } });
    } else {
      expect(error).toMatchObject({ message: sentence, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(error.locations?.[0]).toMatchObject({ line: 1, column: expect.any(Number) });
    }
    for (const word of [SECRET, ENUM_SECRET, '12345555']) {
      expect(r.text).not.toContain(word);
      expect(t.logs.slice(before).join('\n')).not.toContain(word);
    }
  });
});
