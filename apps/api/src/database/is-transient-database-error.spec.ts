import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from './database-unavailable-error.js';
import { isTransientDatabaseError } from './is-transient-database-error.js';
import { ConnectionLostError } from './postgres-driver.js';

/** A driver error with a code, as pg, Node's sockets and better-sqlite3 raise them. */
const driverError = (code: string, message = 'driver says no') => Object.assign(new Error(message), { code });
const wrapped = (e: Error) => new QueryFailedError('SELECT 1', [], e);

describe('isTransientDatabaseError', () => {
  it.each([
    ['57P01', 'admin shutdown (pg_terminate_backend)'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'cannot connect now'],
    ['08006', 'connection failure (class 08)'],
    ['08001', 'unable to connect (class 08)'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['53300', 'too many connections'],
    ['ECONNREFUSED', 'socket'],
    ['ECONNRESET', 'socket'],
    ['SQLITE_BUSY', 'SQLite lock'],
    ['SQLITE_BUSY_SNAPSHOT', 'SQLite extended code'],
  ])('%s (%s) is transient, raw or wrapped by TypeORM', (code) => {
    expect(isTransientDatabaseError(driverError(code))).toBe(true);
    expect(isTransientDatabaseError(wrapped(driverError(code)))).toBe(true);
  });

  it('a lost connection pg raised without a code is transient once the driver gave it one', () => {
    expect(isTransientDatabaseError(wrapped(new ConnectionLostError(new Error('Connection terminated unexpectedly'))))).toBe(true);
  });

  it('so is what the retries give up with, whatever its cause', () => {
    expect(isTransientDatabaseError(new DatabaseUnavailableError(new Error('released')))).toBe(true);
  });

  it.each(['23505', '42P01', '22P02', 'SQLITE_CONSTRAINT', 'SQLITE_ERROR', 'ENOENT', '08', 'X08006'])('%s is not', (code) => {
    expect(isTransientDatabaseError(wrapped(driverError(code)))).toBe(false);
  });

  it('never reads the message: a code-less error is not transient whatever it says', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'terminating connection due to administrator command',
      'read ECONNRESET',
      'SQLITE_BUSY: database is locked',
    ]) {
      expect(isTransientDatabaseError(wrapped(new Error(message)))).toBe(false);
    }
    expect(isTransientDatabaseError(undefined)).toBe(false);
    expect(isTransientDatabaseError('57P01')).toBe(false);
  });

  it('looks a few causes deep, no further (a cycle ends)', () => {
    const a = new Error('a', { cause: driverError('57P01') });
    expect(isTransientDatabaseError(new Error('b', { cause: a }))).toBe(true);
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    expect(isTransientDatabaseError(loop)).toBe(false);
  });
});
