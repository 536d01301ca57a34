import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailableError } from '../database/database-unavailable-error.js';
import { formatGraphqlErrors } from './format-graphql-errors.js';

const terminated = new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['aisles'], originalError: original });

describe('formatGraphqlErrors: a database that fails for a moment', () => {
  it('answers 503 with Retry-After and a retryable SERVICE_UNAVAILABLE when nothing could be answered', () => {
    const log = vi.fn();
    const header = vi.fn();
    const { statusCode, response } = formatGraphqlErrors(log)(
      { data: null, errors: [resolverError(new DatabaseUnavailableError(terminated))] },
      { reply: { header } as never },
    );
    expect(statusCode).toBe(503);
    expect(header).toHaveBeenCalledWith('retry-after', '1');
    expect(response.errors).toEqual([
      {
        message: 'the database is unavailable for a moment; send the request again',
        path: ['aisles'],
        locations: undefined,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
      },
    ]);
    // Logged once, as a warning without a stack, with the driver's own words (never sent to the client).
    expect(log).toHaveBeenCalledWith(expect.any(String), terminated, 'warn');
  });

  it('classifies a driver error that reached it unwrapped by its code, and answers 200 when some data came back', () => {
    const header = vi.fn();
    const { statusCode, response } = formatGraphqlErrors(vi.fn())(
      { data: { aisles: null, other: 1 }, errors: [resolverError(terminated)] },
      { reply: { header } as never },
    );
    expect(statusCode).toBe(200);
    expect(header).not.toHaveBeenCalled();
    expect(response.errors[0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('keeps anything else internal', () => {
    const bug = new QueryFailedError('SELECT 1', [], Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    const { response } = formatGraphqlErrors(vi.fn())({ data: null, errors: [resolverError(bug)] });
    expect(response.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
