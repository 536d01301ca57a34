// PostgreSQL's SQLSTATE for a unique index saying no; better-sqlite3's extended result codes for the same.
const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
// TypeORM wraps the driver's error, which may wrap its cause: a few levels suffice.
const MAX_DEPTH = 5;

/** True when a write failed because a unique index already holds the key (decided by the driver's code, never its message). */
export function isUniqueViolation(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof e === 'object' && e !== null; depth++) {
    const { code, driverError, cause } = e as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNIQUE_CODES.has(code)) return true;
    e = driverError ?? cause;
  }
  return false;
}
