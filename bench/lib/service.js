'use strict';
// Starting and stopping the built service (dist/apps/api/src/main.js) for a bench: the same
// entry point `npm start` runs, on port 0, resolved once it logs the address it listens on.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const LISTENING = /"msg":"listening","url":"(http:\/\/[^"]+)\/graphql"/;

/** Starts a Node child and resolves with it and the first capture of `pattern` in its output. */
function startChild(args, env, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const m = pattern.exec(seen);
      if (m) {
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.removeAllListeners('exit');
        resolve({ child, url: m[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${seen.slice(-2000)}`)));
  });
}

/** The built service on `databaseUrl` (a SQLite file or a PostgreSQL URL), with extra environment. */
function startService(databaseUrl, env = {}) {
  return startChild([MAIN], { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env }, LISTENING);
}

/** Stops a child started here and waits for it to exit. */
function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** POSTs a GraphQL body (a JSON string) to `${url}/graphql`. */
async function postGraphql(url, body, headers = {}) {
  const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: r.status, text: await r.text() };
}

module.exports = { ROOT, MAIN, startChild, startService, stop, postGraphql };
