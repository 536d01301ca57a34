import { createConnection, createServer, type Socket } from 'node:net';

/** A loopback TCP proxy a test can cut (the far side stops answering) and restore. */
export interface TcpProxy {
  port: number;
  /** Drops every open connection and, until restore(), accepts new ones but never answers on them. */
  cut(): void;
  /** Forwards again; connections held while cut are dropped (their clients see them close). */
  restore(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free loopback port to host:port. Cutting it is how a test makes
 * "the database does not answer" without stopping a server other test files share.
 */
export function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  let cut = false;
  const open = new Set<Socket>();
  const held = new Set<Socket>();
  const server = createServer((client) => {
    client.on('error', () => undefined);
    if (cut) {
      held.add(client);
      client.on('close', () => held.delete(client));
      return;
    }
    const upstream = createConnection(port, host);
    upstream.on('error', () => undefined);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => {
        open.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        cut() {
          cut = true;
          for (const s of open) s.destroy();
        },
        restore() {
          cut = false;
          for (const s of held) s.destroy();
        },
        close() {
          for (const s of [...open, ...held]) s.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}
