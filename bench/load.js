#!/usr/bin/env node
'use strict';
// Sustained load: the built service on a fresh SQLite file with the shipped catalog, driven at saturation by a mix
// of storefront and CLI traffic (browse, search, look up, validateInputs, compose) for 5 minutes after a minute of
// warm-up. Prints req/s, p50/p99 latency, errors (non-2xx answers, socket errors, timeouts and GraphQL errors; goal
// 0) and the service's RSS at the start and at the end (goal: growth under 10 %), as ratios against the goals.
// Run with `npm run bench:load` (builds first). BENCH_LOAD_SECONDS sets the measured part, BENCH_WARM_UP_SECONDS the
// warm-up, BENCH_CONNECTIONS the clients.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 300);
// V8 grows its heap to the working size over the first minute of such load: RSS is compared from then on.
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS || 60);
// RSS follows the heap's capacity, not what is live: between two full collections V8 lets the heap grow by 100 MiB
// and more under this load, then gives it back (--trace-gc here: live heap 45 to 51 MiB after every full collection
// over 5 minutes, RSS between 194 and 303 MiB). What a leak raises is the floor, RSS just after a full collection:
// the start and the end are each the lowest sample of a window long enough to hold one.
const SAMPLE_EVERY_MS = 1000;
const WINDOW_SECONDS = Math.min(60, SECONDS / 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);
const GOAL_ERRORS = 0;
const GOAL_RSS_GROWTH = 0.1;
const SEARCH_WORDS = ['sql', 'cache', 'queue', 'web', 'object', 'metrics', 'identity', 'mail', 'search', 'broker'];

const APP = [
  'apiVersion: aisle.dev/v1',
  'kind: App',
  'metadata: { name: shop }',
  'instances:',
  '  db:',
  '    component: postgresql@^16',
  '    inputs: { database: shop }',
  '  cache:',
  '    component: redis',
  '  web:',
  '    component: nginx',
  '',
].join('\n');

const post = (query, variables) => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

// One connection's cycle: what the storefront sends most (browse, from the response cache once warm), searches that
// miss it (a new word each time: the cache's bound is exercised too), a component page, checks and bundles.
let searches = 0;
const REQUESTS = [
  post(
    '{ components(first: 20) { edges { cursor node { name aisle latest { version digest image inputs { name type required default secret description } } } } pageInfo { hasNextPage endCursor } } }',
  ),
  post('{ aisles { name components } }'),
  {
    ...post('query S($s: String) { components(first: 10, search: $s) { nodes { name latest { version } } } }', { s: 'sql' }),
    setupRequest: (request) => {
      const n = searches++;
      const word = SEARCH_WORDS[n % SEARCH_WORDS.length];
      // Half the searches repeat a word (cached once seen), half add a number no component has (never cached before).
      const s = n % 2 === 0 ? word : `${word} ${n}`;
      return {
        ...request,
        body: JSON.stringify({ query: 'query S($s: String) { components(first: 10, search: $s) { nodes { name latest { version } } } }', variables: { s } }),
      };
    },
  },
  post(
    'query C($n: String!) { component(name: $n) { name versions { version digest certification { level verified } } latest { inputs { name type secret } outputs { name } } } }',
    { n: 'postgresql' },
  ),
  post('query V($i: JSONObject!) { validateInputs(component: "postgresql", range: "^16", inputs: $i) { valid version errors { path message code } } }', {
    i: { database: 'shop' },
  }),
  post('query V($i: JSONObject!) { validateInputs(component: "postgresql", range: "^16", inputs: $i) { valid version errors { path message code } } }', {
    i: { database: '1-bad name', colour: 'blue' },
  }),
  post('query B($app: String!) { compose(app: $app, target: COMPOSE) { files { path content } lock warnings { path message } } }', { app: APP }),
  post('query B($app: String!) { compose(app: $app, target: KUBERNETES) { files { path } lock } }', { app: APP }),
];

/** Starts the built service and resolves with its URL and pid once it logs that it listens. */
function startService(dataDir) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: join(dataDir, 'aisle.sqlite'), LOG_LEVEL: 'info' };
    delete env.AISLE_CATALOG;
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const m = /"msg":"listening","url":"(http:\/\/[^"]+)\/graphql"/.exec(seen);
      if (m) {
        child.stdout.off('data', onData);
        // Keep draining its output (a full pipe would stall it), and keep what it logs at warn or error.
        child.stdout.on('data', (more) => (seen = (seen + more).slice(-20_000)));
        resolve({ child, url: m[1], log: () => seen });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (seen += chunk));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${seen.slice(-2000)}`)));
  });
}

/** The median RSS of some samples. */
function median(samples) {
  const sorted = samples.map((s) => s.mib).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Resident set size of a process, in MiB (Linux /proc; elsewhere `ps`). */
function rssMiB(pid) {
  try {
    const kib = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    return kib / 1024;
  } catch {
    const { execFileSync } = require('node:child_process');
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    );
  }
}

function run(url, seconds) {
  let graphqlErrors = 0;
  const requests = REQUESTS.map((r) => ({
    ...r,
    // Every answer here must carry data and no error: a rejected input is `valid: false`, not an error.
    onResponse: (status, body) => {
      if (status !== 200) return; // counted as non-2xx
      let answer;
      try {
        answer = JSON.parse(body);
      } catch {
        answer = undefined;
      }
      if (!answer || answer.errors !== undefined || typeof answer.data !== 'object' || answer.data === null) graphqlErrors++;
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 10, requests }, (err, result) =>
      err ? reject(err) : resolve({ ...result, graphqlErrors }),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'aisle-load-'));
  const service = await startService(dataDir);
  const { child } = service;
  const samples = [];
  try {
    await run(service.url, WARM_UP_SECONDS);
    const began = Date.now();
    const sampler = setInterval(() => samples.push({ at: (Date.now() - began) / 1000, mib: rssMiB(child.pid) }), SAMPLE_EVERY_MS);
    const r = await run(service.url, SECONDS);
    clearInterval(sampler);
    const floor = (list) => Math.min(...list.map((s) => s.mib));
    const rssStart = floor(samples.filter((s) => s.at <= WINDOW_SECONDS));
    const rssEnd = floor(samples.filter((s) => s.at >= SECONDS - WINDOW_SECONDS));
    const errors = r.non2xx + r.errors + r.timeouts + r.graphqlErrors;
    const growth = (rssEnd - rssStart) / rssStart;
    const mark = (ok) => (ok ? 'ok' : 'MISSED');
    console.log(`Mixed load on SQLite: browse, search, component, validateInputs (valid and not), compose (compose and kubernetes)`);
    console.log(
      `${CONNECTIONS} connections at saturation, ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up, loopback, ${r.requests.total} requests measured\n`,
    );
    console.log(`throughput   ${r.requests.average.toFixed(0)} req/s`);
    console.log(`latency      p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms`);
    console.log(
      `errors       ${errors} (non-2xx ${r.non2xx}, socket ${r.errors}, timeouts ${r.timeouts}, GraphQL ${r.graphqlErrors}); goal ${GOAL_ERRORS}: ${mark(errors <= GOAL_ERRORS)}`,
    );
    console.log(
      `RSS          ${rssStart.toFixed(1)} MiB at the start, ${rssEnd.toFixed(1)} MiB at the end (lowest of the first and last ${WINDOW_SECONDS} s; ` +
        `median ${median(samples).toFixed(1)}, peak ${Math.max(...samples.map((s) => s.mib)).toFixed(1)} MiB): ` +
        `growth ${(100 * growth).toFixed(1)} %, ${(growth / GOAL_RSS_GROWTH).toFixed(2)} of the 10 % goal: ${mark(growth < GOAL_RSS_GROWTH)}`,
    );
    if (WINDOW_SECONDS < 60) console.log(`             (windows under a minute may hold no full collection: run 4 minutes or more to judge the RSS goal)`);
    if (errors > GOAL_ERRORS || growth >= GOAL_RSS_GROWTH) {
      const logged = service
        .log()
        .split('\n')
        .filter((l) => /"level":"(warn|error)"/.test(l));
      if (logged.length) console.log(`\nthe service logged:\n${logged.slice(-10).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench/load: ${e.message}`);
  process.exit(1);
});
