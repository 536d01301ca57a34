import { DatabaseUnavailableError } from './database-unavailable-error.js';
import { CONNECTION_LOST } from './postgres-driver.js';

// PostgreSQL SQLSTATEs that mean "not now" rather than "never": the server shutting down, crashing or starting
// (57P01, 57P02, 57P03), too many connections (53300), a transaction that lost a race with another (40001
// serialization failure, 40P01 deadlock). The whole class 08 is about the connection itself.
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01']);
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08']);
// Socket errors (errno codes) on the way to the database server.
const TRANSIENT_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// SQLite: another connection held the write lock past busy_timeout (SQLITE_BUSY and its extended codes).
const SQLITE_BUSY = 'SQLITE_BUSY';
// TypeORM wraps the driver's error, which may wrap its cause: a few levels suffice.
const MAX_DEPTH = 5;

function isTransientCode(code: string): boolean {
  if (code === CONNECTION_LOST || TRANSIENT_ERRNOS.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
  if (code === SQLITE_BUSY || code.startsWith(`${SQLITE_BUSY}_`)) return true;
  return /^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2));
}

/**
 * True when a database operation failed for a reason that may be gone a moment later (a
 * lost connection, a server restarting, a busy lock, a serialization conflict): decided by
 * the driver's code (SQLSTATE, errno, SQLite result code), never by its message. A
 * DatabaseUnavailableError (what the retries give up with) is transient too.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof e === 'object' && e !== null; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const { code, driverError, cause } = e as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && isTransientCode(code)) return true;
    e = driverError ?? cause;
  }
  return false;
}
