#!/usr/bin/env node
'use strict';
// The composition benchmark: compose and render apps of 10 to 1,000 instances to every
// target, and print the cost per instance against the goals as ratios measured in this
// same run (so a slow machine does not fail it): cost@1000 / cost@10 ≤ 1.5, and
// 200 instances in under 100 ms. Runs the built code: `npm run bench` builds first. A missed goal
// is a row marked MISSED (BENCH_STRICT=1 makes it the exit status), not a failure to run.
const { join } = require('node:path');
const { existsSync } = require('node:fs');

const dist = join(__dirname, '..', 'dist', 'libs');
if (!existsSync(join(dist, 'composition', 'index.js'))) {
  process.stderr.write('bench: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const { loadCatalog, shippedCatalogDir } = require(join(dist, 'catalog', 'index.js'));
const { composeApp } = require(join(dist, 'composition', 'index.js'));
const { RENDERERS, TARGETS } = require(join(dist, 'render', 'index.js'));
const { record } = require('./lib/report.js');
const { appOf } = require('./lib/app-of.js');

const SIZES = [10, 100, 200, 1000];
const CEILING = 1.5;
const GOAL_MS_AT_200 = 100;

function once(spec, catalog, target) {
  const composed = composeApp(spec, catalog);
  if (!composed.app) throw new Error(`bench app does not compose: ${JSON.stringify(composed.diagnostics.slice(0, 3))}`);
  return RENDERERS[target](composed.app).length;
}

/** Median milliseconds of compose + render, after a warm-up. */
function measure(spec, catalog, target, n) {
  const runs = Math.max(5, Math.min(60, Math.round(3000 / n)));
  for (let i = 0; i < 3; i++) once(spec, catalog, target);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    once(spec, catalog, target);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const catalog = loadCatalog(shippedCatalogDir()).index;
const rows = [];
process.stdout.write('target      instances   total ms   µs/instance\n');
for (const target of TARGETS) {
  const costs = {};
  for (const n of SIZES) {
    const ms = measure(appOf(n), catalog, target, n);
    costs[n] = ms / n;
    process.stdout.write(`${target.padEnd(10)}  ${String(n).padStart(9)}  ${ms.toFixed(2).padStart(9)}  ${((ms / n) * 1000).toFixed(1).padStart(12)}\n`);
    if (n === 200) costs.total200 = ms;
  }
  const ratio = costs[1000] / costs[10];
  const ratio200 = costs.total200 / GOAL_MS_AT_200;
  rows.push({ target, ratio, ratio200, perInstance10: costs[10], perInstance1000: costs[1000], total200: costs.total200 });
}
for (const r of rows) {
  record({
    id: `compose-scaling-${r.target}`,
    what: `compose + render to ${r.target}: cost per instance at 1,000 instances`,
    value: r.perInstance1000 * 1000,
    unit: 'µs/instance',
    ceiling: 'cost per instance at 10 instances, same run',
    ceilingValue: r.perInstance10 * 1000,
    ratio: r.ratio,
    goal: `≤ ${CEILING} × (flat cost per instance), and 200 instances in ≤ ${GOAL_MS_AT_200} ms`,
    met: r.ratio <= CEILING && r.ratio200 <= 1,
    extra: { 'ms at 200': r.total200 },
  });
}
