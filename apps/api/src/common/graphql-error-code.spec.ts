import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_CODE_BY_DIAGNOSTIC, graphqlCodeFor } from './graphql-error-code.js';

describe('GRAPHQL_CODE_BY_DIAGNOSTIC', () => {
  it('maps every diagnostic code on purpose (none falls through to the default unseen)', () => {
    const source = readFileSync(join(__dirname, '../../../../libs/diagnostics/diagnostic-code.ts'), 'utf8');
    const union = source.slice(source.indexOf('export type DiagnosticCode'), source.indexOf('export type Severity'));
    const codes = [...union.matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !(c in GRAPHQL_CODE_BY_DIAGNOSTIC))).toEqual([]);
  });

  it('gives not-found, auth and immutability their own codes', () => {
    expect(graphqlCodeFor('COMPONENT_NOT_FOUND')).toBe('NOT_FOUND');
    expect(graphqlCodeFor('TOKEN_INVALID')).toBe('UNAUTHENTICATED');
    expect(graphqlCodeFor('SCOPE_MISSING')).toBe('FORBIDDEN');
    expect(graphqlCodeFor('ALREADY_PUBLISHED')).toBe('ALREADY_PUBLISHED');
    expect(graphqlCodeFor('INPUT_INVALID')).toBe('BAD_USER_INPUT');
  });
});
