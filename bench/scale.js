#!/usr/bin/env node
'use strict';
// The catalog at registry scale: 10,000 generated components × 3 versions (bench/lib/scale-catalog.js), on SQLite
// and on PostgreSQL. Per database:
// - ingest: the service's own ingest (ingestVersions of the built service: one read of every stored digest, new
//   versions in multi-row inserts in one transaction) given the versions as loading a catalog folder yields them
//   (built here with the same digest function; loading 30,000 YAML files is the CLI's cost, not the database's),
//   against a raw bulk insert of the same rows into the same migrated tables with the same driver (better-sqlite3 or
//   pg: multi-row INSERTs in one transaction), in versions per second;
// - browse and search: the built service (response cache off, no catalog folder) over loopback HTTP with autocannon:
//   the first page of components(first: 20), a later page by cursor, and searches (whole, partial, short, several
//   words, no match), p99 latency;
// - the service's resident memory after that load.
// BENCH_SECONDS sets each measurement's length (default 5), BENCH_CONNECTIONS the connections (default 10, as api.js).
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { record } = require('./lib/report.js');
const { startService, stop } = require('./lib/service.js');
const { scaleCatalog, scaleShipped } = require('./lib/scale-catalog.js');
const { rawRows, rawInsert } = require('./lib/raw-bulk-insert.js');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const POSTGRES = process.env.AISLE_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const COMPONENTS = Number(process.env.BENCH_SCALE_COMPONENTS || 10000);
const BROWSE =
  'query B($after: String) { components(first: 20, after: $after) { edges { cursor node { name aisle latest { version digest image inputs { name type required default secret description } } } } pageInfo { hasNextPage endCursor } } }';
const SEARCH =
  'query S($s: String) { components(search: $s, first: 20) { totalCount nodes { name aisle latest { version } } pageInfo { hasNextPage endCursor } } }';
const SEARCHES = ['sql', 'postgres', 'gre', 'cache redis', 'db', 'metrics-log', 'no-such-word'];

const { manifestDigest } = require(join(DIST, 'libs', 'manifest', 'index.js'));
const { UNCERTIFIED } = require(join(DIST, 'libs', 'catalog', 'index.js'));
const { createDataSource } = require(join(DIST, 'apps', 'api', 'src', 'database', 'create-data-source.js'));
const { CatalogRepository } = require(join(DIST, 'apps', 'api', 'src', 'catalog', 'catalog.repository.js'));
const { IngestStore } = require(join(DIST, 'apps', 'api', 'src', 'catalog', 'ingest-store.js'));
const { ingestVersions } = require(join(DIST, 'apps', 'api', 'src', 'catalog', 'ingest-catalog.js'));
const { JsonLogger } = require(join(DIST, 'apps', 'api', 'src', 'common', 'json-logger.js'));

const seconds = (began) => Number(process.hrtime.bigint() - began) / 1e9;

/** A database of a kind, fresh: a SQLite file in a temp folder, or a PostgreSQL database created here and dropped after. */
async function freshDatabase(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-scale-'));
    return { url: join(dir, 'aisle.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `aisle_bench_scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function gql(url, query, variables) {
  const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await r.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

/** autocannon over a list of request bodies, cycled; resolves with its result. */
function load(url, bodies, duration) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((body) => ({ body })),
        connections: CONNECTIONS,
        duration,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function measure(kind, shipped, rows) {
  const raw = await freshDatabase(kind);
  const target = await freshDatabase(kind);
  const versions = shipped.reduce((n, c) => n + c.versions.length, 0);
  try {
    // Both databases migrated alike (the FTS5 table and its triggers, the trigram index) before anything is timed.
    for (const db of [raw, target]) await (await createDataSource({ url: db.url })).destroy();
    const rawSeconds = await rawInsert(kind, raw.url, rows);
    const ds = await createDataSource({ url: target.url });
    const repository = new CatalogRepository(ds);
    const logger = new JsonLogger(() => undefined);
    let began = process.hrtime.bigint();
    const summary = await ingestVersions(shipped, () => undefined, repository, new IngestStore(ds), logger);
    const ingestSeconds = seconds(began);
    if (summary.versionsAdded !== versions) throw new Error(`ingest added ${summary.versionsAdded} of ${versions} versions`);
    began = process.hrtime.bigint();
    await ingestVersions(shipped, () => undefined, repository, new IngestStore(ds), logger);
    const warmSeconds = seconds(began);
    await ds.destroy();
    const ingestRate = versions / ingestSeconds;
    const rawRate = versions / rawSeconds;
    record({
      id: `scale-ingest-${kind}`,
      what: `ingest of ${COMPONENTS.toLocaleString('en-US')} components × 3 versions into ${kind} (the service's ingestVersions, versions built as loading yields them)`,
      value: ingestRate,
      unit: 'versions/s',
      ceiling: `raw bulk insert of the same rows with the same driver (${kind === 'sqlite' ? 'better-sqlite3' : 'pg'})`,
      ceilingValue: rawRate,
      ratio: ingestRate / rawRate,
      goal: '≥ 30 % of its rate',
      met: ingestRate / rawRate >= 0.3,
      extra: { 'ingest s': ingestSeconds, 'raw s': rawSeconds, 'warm re-ingest ms': warmSeconds * 1000 },
    });

    const api = await startService(target.url, { AISLE_CATALOG: '', AISLE_RESPONSE_CACHE: 'off' });
    try {
      let after;
      for (let i = 0; i < 25; i++) after = (await gql(api.url, BROWSE, { after })).components.pageInfo.endCursor;
      const browseBodies = [JSON.stringify({ query: BROWSE }), JSON.stringify({ query: BROWSE, variables: { after } })];
      const searchBodies = SEARCHES.map((s) => JSON.stringify({ query: SEARCH, variables: { s } }));
      await load(api.url, [...browseBodies, ...searchBodies], 2); // warm-up: JIT, statement caches, connections
      const browse = await load(api.url, browseBodies, SECONDS);
      const search = await load(api.url, searchBodies, SECONDS);
      const rss = rssMb(api.child.pid);
      for (const [name, r, what] of [
        ['browse', browse, 'browse: components(first: 20) with latest version and inputs, first page and a page 500 components in'],
        ['search', search, `search: ${SEARCHES.map((s) => `"${s}"`).join(', ')} with totalCount, first page`],
      ]) {
        const errors = r.errors + r.non2xx;
        record({
          id: `scale-${name}-${kind}`,
          what: `${what}, ${COMPONENTS.toLocaleString('en-US')} components on ${kind}, response cache off`,
          value: r.latency.p99,
          unit: 'ms',
          ceiling: 'the goal (p99 over HTTP)',
          ceilingValue: null,
          ratio: r.latency.p99 / 10,
          goal: 'p99 ≤ 10 ms',
          met: r.latency.p99 <= 10 && errors === 0,
          extra: { 'req/s': r.requests.average, 'p50 ms': r.latency.p50, errors },
        });
      }
      return rss;
    } finally {
      await stop(api.child);
    }
  } finally {
    await raw.drop();
    await target.drop();
  }
}

async function main() {
  const shipped = scaleShipped(scaleCatalog(COMPONENTS), { manifestDigest, uncertified: UNCERTIFIED });
  const rows = rawRows(shipped);
  const rss = {};
  for (const kind of ['sqlite', 'postgres']) rss[kind] = await measure(kind, shipped, rows);
  const worst = Math.max(...Object.values(rss));
  record({
    id: 'scale-rss',
    what: `service resident memory after browse and search load, ${COMPONENTS.toLocaleString('en-US')} components (the larger of SQLite and PostgreSQL)`,
    value: worst,
    unit: 'MB',
    ceiling: 'the goal',
    ceilingValue: null,
    ratio: worst / 300,
    goal: '≤ 300 MB',
    met: worst <= 300,
    extra: { 'sqlite MB': rss.sqlite, 'postgres MB': rss.postgres },
  });
}

main().catch((e) => {
  console.error(`bench/scale: ${e.stack || e.message}`);
  process.exit(1);
});
