#!/usr/bin/env node
'use strict';
// The built CLI; `npm ci` builds it (prepare), `npm run build` rebuilds it.
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const entry = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('aisle: not built yet; run `npm run build` in ' + join(__dirname, '..') + '\n');
  process.exit(2);
}
// A closed pipe (aisle search | head) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
// Node 22.1+ keeps compiled code between runs; the CLI's goes under Aisle's cache folder (AISLE_CACHE_DIR,
// XDG_CACHE_HOME, ~/.cache; `off` means none), enabled by the service's own switch, before the CLI's modules load.
if (require('node:module').enableCompileCache) {
  const dir = require(join(__dirname, '..', 'dist', 'libs', 'catalog', 'catalog-cache.js')).catalogCacheDir(process.env);
  if (dir !== undefined) {
    process.env.NODE_COMPILE_CACHE ||= join(dir, 'compile');
    require(join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'enable-compile-cache.js'));
  }
}
const { run } = require(entry);
run(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  // Read only when a command asks (aisle login --with-token), so other commands never wait on a terminal.
  stdin: () =>
    new Promise((resolve, reject) => {
      let text = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk) => {
        text += chunk;
        if (text.length > 1024 * 1024) process.stdin.destroy();
      });
      process.stdin.on('end', () => resolve(text));
      process.stdin.on('close', () => resolve(text));
      process.stdin.on('error', reject);
    }),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write('aisle: ' + e.message + '\n');
    process.exitCode = 3;
  },
);
