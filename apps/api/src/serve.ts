import { apiConfigFromEnv } from './api-config.js';
import { JsonLogger } from './common/json-logger.js';
import { startServer, type RunningServer } from './start-server.js';

/**
 * Runs the service until SIGTERM or SIGINT, then shuts down gracefully: in-flight
 * requests finish, the database closes, the process exits 0. What `npm start` and
 * `aisle serve` run.
 */
export async function serve(env: Record<string, string | undefined>, cwd: string = process.cwd()): Promise<void> {
  const config = apiConfigFromEnv(env, cwd);
  const logger = new JsonLogger(config.logSink, config.logLevel);
  // eslint-disable-next-line prefer-const -- stop() reads it before startServer returns
  let server: RunningServer | undefined;
  let stopping: string | undefined;
  const stop = (signal: string) => {
    stopping = signal;
    // A signal while starting waits for the start to finish (the database then closes cleanly).
    if (!server) return;
    logger.write('info', 'shutting down', { signal });
    server.close().then(
      () => {
        logger.write('info', 'stopped');
        process.exit(0);
      },
      (e: Error) => {
        logger.write('error', 'shutdown failed', { error: e.message });
        process.exit(1);
      },
    );
  };
  // Listened for before starting: the "listening" line may be read, and a signal sent, before startServer returns.
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (e) => logger.write('error', 'unhandled rejection', { error: (e as Error)?.message, stack: (e as Error)?.stack }));
  server = await startServer(config, logger);
  if (stopping) stop(stopping);
}
