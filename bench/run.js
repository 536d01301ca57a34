#!/usr/bin/env node
'use strict';
// The composition benchmark: compose and render apps of 10 to 1,000 instances to every
// target, and print the cost per instance against the goals as ratios measured in this
// same run (so a slow machine does not fail it): cost@1000 / cost@10 ≤ 1.5, and
// 200 instances in under 100 ms. Runs the built code: `npm run bench` builds first.
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
let failed = false;
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
  rows.push({ target, ratio, ratio200 });
  if (ratio > CEILING || ratio200 > 1) failed = true;
}
process.stdout.write('\ntarget      cost@1000/cost@10 (ceiling 1.5)   200 instances / 100 ms goal\n');
for (const r of rows) {
  process.stdout.write(
    `${r.target.padEnd(10)}  ${r.ratio.toFixed(2).padStart(8)} ${r.ratio <= CEILING ? 'ok  ' : 'OVER'}                       ${r.ratio200.toFixed(2).padStart(6)} ${r.ratio200 <= 1 ? 'ok' : 'OVER'}\n`,
  );
}
process.exitCode = failed ? 1 : 0;
