import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKinds, postgresUrl } from '../../../../test/api/support/test-databases.js';
import { CONNECTION_LOST, ConnectionLostError, postgresDriver } from './postgres-driver.js';

type PoolClient = { query(sql: string): Promise<unknown>; release(destroy?: boolean): void };
type Pool = {
  connect(): Promise<PoolClient>;
  connect(callback: (err: unknown, client?: PoolClient, release?: () => void) => void): void;
  end(): Promise<void>;
  on(event: string, listener: () => void): void;
};
const newPool = (config: Record<string, unknown>) => {
  const pool = new postgresDriver.Pool(config) as unknown as Pool;
  pool.on('error', () => undefined);
  return pool;
};

const servers: Server[] = [];
/** A loopback server that does `onConnection` with each client socket. */
function listen(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer(onConnection);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}
afterAll(() => servers.forEach((s) => s.close()));

describe('postgresDriver: pg with codes on lost connections', () => {
  it('a connection closed while it starts fails with ConnectionLostError, in both of pool.connect’s forms', async () => {
    const port = await listen((socket) => socket.destroy());
    const pool = newPool({ host: '127.0.0.1', port, user: 'nobody' });
    await expect(pool.connect()).rejects.toMatchObject({ code: CONNECTION_LOST });
    const viaCallback = await new Promise((resolve) => pool.connect((err) => resolve(err)));
    expect(viaCallback).toBeInstanceOf(ConnectionLostError);
    await pool.end();
  });

  it('a server that never answers fails after the connection timeout, with ConnectionLostError', async () => {
    const held: Socket[] = [];
    const port = await listen((socket) => held.push(socket));
    const pool = newPool({ host: '127.0.0.1', port, user: 'nobody', connectionTimeoutMillis: 300 });
    await expect(pool.connect()).rejects.toBeInstanceOf(ConnectionLostError);
    held.forEach((s) => s.destroy());
    await pool.end();
  });

  it('a refused connection keeps the code the socket gave it', async () => {
    const port = await listen(() => undefined);
    servers.pop()!.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pool = newPool({ host: '127.0.0.1', port, user: 'nobody' });
    await expect(pool.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await pool.end();
  });

  describe.skipIf(!databaseKinds().includes('postgres'))('on PostgreSQL', () => {
    it('a checked-out client whose session is terminated does not end the process, and its next query says why', async () => {
      const url = (await postgresUrl())!;
      const name = `aisle-driver-test-${process.pid}`;
      const pool = newPool({ connectionString: url, application_name: name, max: 1 });
      const client = await pool.connect();
      await client.query('SELECT 1');
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
      await admin.end();
      // Plain pg emits an 'error' event on this client nobody listens to: an uncaught exception that ends the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const e = await client.query('SELECT 1').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConnectionLostError);
      client.release(true);
      await pool.end();
    });

    it('a query whose connection drops mid-way fails with ConnectionLostError, not a bare "Connection terminated"', async () => {
      const target = new URL((await postgresUrl())!);
      const open: Socket[] = [];
      const port = await listen((socket) => {
        const upstream = createConnection(Number(target.port || 5432), target.hostname);
        open.push(socket, upstream);
        socket.on('error', () => undefined);
        upstream.on('error', () => undefined);
        socket.pipe(upstream).pipe(socket);
      });
      const viaProxy = new URL(target);
      viaProxy.port = String(port);
      const pool = newPool({ connectionString: viaProxy.toString(), max: 1 });
      const client = await pool.connect();
      const pending = client.query('SELECT pg_sleep(5)').catch((x: unknown) => x);
      await new Promise((resolve) => setTimeout(resolve, 200));
      open.forEach((s) => s.destroy());
      const e = await pending;
      expect(e).toBeInstanceOf(ConnectionLostError);
      expect((e as Error).cause).toBeInstanceOf(Error);
      client.release(true);
      await pool.end();
    });
  });
});
