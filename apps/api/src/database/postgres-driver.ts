import pg from 'pg';

/** The code of an error raised because the connection to PostgreSQL was lost or never made. */
export const CONNECTION_LOST = 'AISLE_CONNECTION_LOST';

/**
 * A query or connection attempt that failed because the connection to PostgreSQL is gone
 * (terminated, reset, timed out). pg raises these as plain errors without a code; this
 * gives them one, where the driver raises them, so nothing has to read their message.
 */
export class ConnectionLostError extends Error {
  readonly code = CONNECTION_LOST;

  constructor(cause: unknown) {
    super('the connection to the database was lost', { cause });
  }
}

/** True when pg (or the server, or the socket) already gave the error a code of its own. */
function hasCode(e: unknown): boolean {
  return typeof (e as { code?: unknown } | null)?.code === 'string';
}

// pg's classes are typed with many overloads; these are the two members used here.
type AnyClient = { query(...args: unknown[]): unknown; on(event: string, listener: () => void): unknown };
const BaseClient = pg.Client as unknown as new (config: unknown) => AnyClient;
type AnyPool = { connect(callback?: (err: unknown, ...rest: unknown[]) => void): unknown };
const BasePool = pg.Pool as unknown as new (config: unknown) => AnyPool;

/** A pg client that knows when its connection has gone, and says so on the queries that failed with it. */
class ObservedClient extends BaseClient {
  private lost = false;

  constructor(config: unknown) {
    super(config);
    // Listeners that stay for the client's whole life: pg emits 'error' when the server ends the connection
    // (pg_terminate_backend), and an 'error' event nobody listens to ends the process.
    this.on('error', () => (this.lost = true));
    this.on('end', () => (this.lost = true));
  }

  override query(...args: unknown[]): unknown {
    const result = super.query(...args);
    if (!(result instanceof Promise)) return result;
    return result.catch(async (e: unknown) => {
      if (hasCode(e)) throw e;
      // pg rejects the queries of a dropped connection a tick before it emits 'end': let the events land first.
      await new Promise((resolve) => setImmediate(resolve));
      throw this.lost ? new ConnectionLostError(e) : e;
    });
  }
}

/** A pg pool of ObservedClients whose failures to connect (a timeout, a connection closed during start-up) carry a code. */
class ObservedPool extends BasePool {
  constructor(config: Record<string, unknown>) {
    super({ ...config, Client: ObservedClient });
  }

  override connect(callback?: (err: unknown, ...rest: unknown[]) => void): unknown {
    if (!callback) return (super.connect() as Promise<unknown>).catch((e: unknown) => Promise.reject(hasCode(e) ? e : new ConnectionLostError(e)));
    return super.connect((err, ...rest) => callback(err && !hasCode(err) ? new ConnectionLostError(err) : err, ...rest));
  }
}

/**
 * The pg module as TypeORM should load it (its `driver` option): the same module, with a
 * pool whose lost connections raise ConnectionLostError instead of a code-less error or,
 * for an idle client, an unhandled 'error' event.
 */
export const postgresDriver: typeof pg = Object.create(pg, { Pool: { value: ObservedPool } });
