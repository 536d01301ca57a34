import { describe, expect, it } from 'vitest';
import { GRAPHQL_RESPONSE_JSON, responseMediaType } from './response-media-type.js';

describe('responseMediaType', () => {
  it('answers application/graphql-response+json only when the client prefers it', () => {
    expect(responseMediaType(GRAPHQL_RESPONSE_JSON)).toBe(GRAPHQL_RESPONSE_JSON);
    expect(responseMediaType(`${GRAPHQL_RESPONSE_JSON}, application/json;q=0.9`)).toBe(GRAPHQL_RESPONSE_JSON);
    expect(responseMediaType(`application/json;q=0.5, ${GRAPHQL_RESPONSE_JSON.toUpperCase()}`)).toBe(GRAPHQL_RESPONSE_JSON);
    expect(responseMediaType(`application/json, ${GRAPHQL_RESPONSE_JSON}`)).toBe('application/json');
    expect(responseMediaType(`${GRAPHQL_RESPONSE_JSON};q=0, application/json`)).toBe('application/json');
    expect(responseMediaType(`${GRAPHQL_RESPONSE_JSON};q=abc`)).toBe('application/json');
    expect(responseMediaType('*/*')).toBe('application/json');
    expect(responseMediaType('text/html')).toBe('application/json');
    expect(responseMediaType(undefined)).toBe('application/json');
  });
});
