import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, type DataSource, type EntityManager } from 'typeorm';
import { DatabaseUnavailableError } from './database-unavailable-error.js';
import { isTransientDatabaseError } from './is-transient-database-error.js';

// A second attempt comes after a short pause, on another connection from the pool, and only when the first failed
// fast: a failure that took longer (a connection attempt timing out) means the database is not answering, and
// waiting for it twice would only double the client's wait.
const PAUSE_MS = 50;
const FAST_FAILURE_MS = 1000;

const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

// TypeORM releases a transaction's query runner early only when its connection reports an error, and then refuses to
// send anything more on it: neither the next statement nor the COMMIT reached the database.
function lostBeforeSending(e: unknown): boolean {
  return e instanceof QueryRunnerAlreadyReleasedError || e instanceof QueryRunnerProviderAlreadyReleasedError;
}

// The second attempt's failure, told apart: transient ones become DatabaseUnavailableError.
async function secondAttempt<T>(attempt: () => Promise<T>): Promise<T> {
  await pause();
  try {
    return await attempt();
  } catch (e) {
    throw isTransientDatabaseError(e) || lostBeforeSending(e) ? new DatabaseUnavailableError(e) : e;
  }
}

// TypeORM runs every SQLite transaction on the one connection it keeps: a second begun while the first is open became
// a savepoint inside it (or failed to BEGIN), so one could commit or roll back the other's writes. Transactions on
// SQLite therefore queue, one at a time per DataSource; PostgreSQL gives each its own pooled connection.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function oneAtATime<T>(db: DataSource, run: () => Promise<T>): Promise<T> {
  if (db.options?.type !== 'better-sqlite3') return run();
  const previous = sqliteQueues.get(db) ?? Promise.resolve();
  const current = previous.then(run, run);
  sqliteQueues.set(
    db,
    current.catch(() => undefined),
  );
  return current;
}

/**
 * Runs a read, and once more when it failed transiently: reads change nothing, so running
 * one again is always safe. A transient failure that remains is a DatabaseUnavailableError.
 */
export async function retryRead<T>(read: () => Promise<T>): Promise<T> {
  const began = Date.now();
  try {
    return await read();
  } catch (e) {
    if (!isTransientDatabaseError(e)) throw e;
    if (Date.now() - began > FAST_FAILURE_MS) throw new DatabaseUnavailableError(e);
    return secondAttempt(read);
  }
}

/**
 * Runs a transaction, and once more when it failed transiently before its COMMIT was sent:
 * the database then rolled it back, so nothing of the first attempt remains. A failed
 * COMMIT is never run again, for it may have been applied. A transient failure that
 * remains is a DatabaseUnavailableError.
 */
export async function retryTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  let committing = false;
  const attempt = () =>
    oneAtATime(db, () =>
      db.transaction(async (manager) => {
        committing = false;
        const result = await work(manager);
        committing = true;
        return result;
      }),
    );
  const began = Date.now();
  try {
    return await attempt();
  } catch (e) {
    const unsent = lostBeforeSending(e);
    if (!unsent && !isTransientDatabaseError(e)) throw e;
    if ((committing && !unsent) || Date.now() - began > FAST_FAILURE_MS) throw new DatabaseUnavailableError(e);
    return secondAttempt(attempt);
  }
}
