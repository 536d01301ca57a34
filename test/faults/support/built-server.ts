import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../api/support/test-server.js';

const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const LISTENING = /"msg":"listening","url":"(http:\/\/[^"]+)\/graphql"/;

/** The built service (`npm start`'s entry point) running in a child process of its own. */
export interface BuiltServer {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Everything it logged so far (stdout and stderr). */
  output(): string;
  /** SIGKILL: no shutdown of any kind; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns dist/apps/api/src/main.js (npm test builds first) on a free loopback port with the
 * given environment, and resolves once it logs that it listens. No catalog is ingested
 * unless AISLE_CATALOG is given: the fault tests publish their own components.
 */
export function startBuiltServer(env: Record<string, string>): Promise<BuiltServer> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', AISLE_CATALOG: '', LOG_LEVEL: 'info', ...env };
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = LISTENING.exec(output);
      if (m && child.pid !== undefined) {
        resolve({
          child,
          pid: child.pid,
          url: m[1]!,
          output: () => output,
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`the service exited (${code}) before listening:\n${output.slice(-2000)}`)));
  });
}

/**
 * A PostgreSQL URL whose sessions use one schema (search_path), for a child process: the
 * service reads no schema setting of its own, and libpq's `options` parameter is standard.
 */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
