import { apiConfigFromEnv } from './api-config.js';
import { startServer } from './start-server.js';

/**
 * Runs the service until SIGTERM or SIGINT, then shuts down gracefully: in-flight
 * requests finish, the database closes, the process exits 0. What `npm start` and
 * `aisle serve` run.
 */
export async function serve(env: Record<string, string | undefined>, cwd: string = process.cwd()): Promise<void> {
  const config = apiConfigFromEnv(env, cwd);
  const server = await startServer(config);
  const stop = (signal: string) => {
    server.logger.write('info', 'shutting down', { signal });
    server.close().then(
      () => {
        server.logger.write('info', 'stopped');
        process.exit(0);
      },
      (e: Error) => {
        server.logger.write('error', 'shutdown failed', { error: e.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (e) => server.logger.write('error', 'unhandled rejection', { error: (e as Error)?.message, stack: (e as Error)?.stack }));
}
