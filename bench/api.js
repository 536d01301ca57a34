#!/usr/bin/env node
'use strict';
// The GraphQL service under load: the browse query (components(first: 20) with latest
// version and inputs) over loopback HTTP, against a bare Fastify route serving the very
// same JSON bytes, measured in the same run. Also times start-up to the first answered
// query, cold (new database: migrations and catalog ingest) and warm.
// Run with `npm run bench:api` (builds first). BENCH_SECONDS sets each measurement's length.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { record, median } = require('./lib/report.js');
const { startChild, startService, stop, postGraphql } = require('./lib/service.js');

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const BROWSE = JSON.stringify({
  query:
    '{ components(first: 20) { edges { cursor node { name aisle latest { version digest image inputs { name type required default secret description } } } } pageInfo { hasNextPage endCursor } } }',
});

/** Milliseconds from spawning `npm start`'s entry point to its first answered `{ aisles { name } }`. */
async function startUp(dataDir, env = {}) {
  const began = process.hrtime.bigint();
  const api = await startService(join(dataDir, 'aisle.sqlite'), env);
  const answer = await postGraphql(api.url, JSON.stringify({ query: '{ aisles { name } }' }));
  const ms = Number(process.hrtime.bigint() - began) / 1e6;
  if (answer.status !== 200 || !answer.text.includes('"aisles"')) throw new Error(`unexpected answer: ${answer.text}`);
  return { ms, api };
}

function load(url) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body: BROWSE, connections: CONNECTIONS, duration: SECONDS },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/** Median wall milliseconds of an empty Node process, the floor every start-up pays. */
function emptyProcessMs() {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const began = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '']);
    times.push(Number(process.hrtime.bigint() - began) / 1e6);
  }
  return median(times);
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'aisle-bench-'));
  const children = [];
  try {
    const cold = await startUp(dataDir);
    await stop(cold.api.child);
    const warm = await startUp(dataDir);
    children.push(warm.api.child);
    const reference = await postGraphql(warm.api.url, BROWSE);
    const parsed = JSON.parse(reference.text);
    if (parsed.errors || parsed.data.components.edges.length === 0) throw new Error(`the browse query failed: ${reference.text.slice(0, 500)}`);
    // The ceiling: Fastify alone, parsing the same request and sending the same bytes.
    const bareScript = `
      const fastify = require('fastify')({ logger: false });
      const body = Buffer.from(process.env.BENCH_BODY, 'base64');
      fastify.post('/graphql', (request, reply) => reply.type('application/json; charset=utf-8').send(body));
      fastify.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('listening ' + address));`;
    const bare = await startChild(['-e', bareScript], { BENCH_BODY: Buffer.from(reference.text).toString('base64') }, /listening (http:\/\/\S+)/);
    children.push(bare.child);
    const check = await postGraphql(bare.url, BROWSE);
    if (check.text !== reference.text) throw new Error('the bare route does not serve the same bytes');

    await load(warm.api.url); // warm-up: JIT, caches, connections
    const api = await load(warm.api.url);
    await load(bare.url);
    const ceiling = await load(bare.url);
    // The same service with its response cache off: every request parses, resolves and queries.
    const uncached = await startUp(dataDir, { AISLE_RESPONSE_CACHE: 'off' });
    children.push(uncached.api.child);
    await load(uncached.api.url);
    const work = await load(uncached.api.url);
    const errors = api.errors + api.non2xx + work.errors + work.non2xx;

    const row = (name, r) => `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms`;
    console.log(`GraphQL browse query: components(first: 20) with latest version and inputs, ${reference.text.length} bytes per answer`);
    console.log(`${CONNECTIONS} connections, ${SECONDS} s each, loopback\n`);
    console.log(row('aisle GraphQL, response cache on', api));
    console.log(row('aisle GraphQL, response cache off', work));
    console.log(row('bare Fastify route, same bytes', ceiling));
    if (errors) console.log(`${errors} errors or non-2xx answers!`);
    const bareText = 'bare Fastify route serving the same bytes';
    const cachedRatio = api.requests.average / ceiling.requests.average;
    record({
      id: 'browse-cached',
      what: 'browse query, response cache on',
      value: api.requests.average,
      unit: 'req/s',
      ceiling: bareText,
      ceilingValue: ceiling.requests.average,
      ratio: cachedRatio,
      goal: '≥ 90 % of its req/s',
      met: cachedRatio >= 0.9 && errors === 0,
      extra: { 'p99 ms': api.latency.p99 },
    });
    const uncachedRatio = work.requests.average / ceiling.requests.average;
    record({
      id: 'browse-uncached',
      what: 'browse query, response cache off (parse, validate, resolve)',
      value: work.requests.average,
      unit: 'req/s',
      ceiling: bareText,
      ceilingValue: ceiling.requests.average,
      ratio: uncachedRatio,
      goal: '≥ 25 % of its req/s and p99 ≤ 5 ms',
      met: uncachedRatio >= 0.25 && work.latency.p99 <= 5 && errors === 0,
      extra: { 'p99 ms': work.latency.p99 },
    });
    const empty = emptyProcessMs();
    record({
      id: 'start-up-warm',
      what: 'start-up to the first answered query, warm (existing database)',
      value: warm.ms,
      unit: 'ms',
      ceiling: "`node -e ''`",
      ceilingValue: empty,
      ratio: warm.ms / empty,
      goal: '≤ 1,000 ms',
      met: warm.ms <= 1000,
    });
    record({
      id: 'start-up-cold',
      what: 'start-up to the first answered query, cold (new database: migrations + catalog ingest)',
      value: cold.ms,
      unit: 'ms',
      ceiling: "`node -e ''`",
      ceilingValue: empty,
      ratio: cold.ms / empty,
      goal: '≤ 1,500 ms',
      met: cold.ms <= 1500,
    });
    if (errors) process.exitCode = 1;
  } finally {
    for (const c of children) await stop(c);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench/api: ${e.message}`);
  process.exit(1);
});
