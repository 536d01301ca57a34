import { createServer } from 'node:net';
import { PortInUseError } from './port-in-use-error.js';

/**
 * Throws PortInUseError when something already listens on host:port. Checked before the
 * database is opened, so a second `npm start` fails in a second, without migrating or
 * ingesting first. Listening can still lose a race to another process afterwards; the
 * caller turns that EADDRINUSE into the same error.
 */
export async function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortInUseError(port, host) : e));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
