#!/usr/bin/env node
'use strict';
// The store in Debian's Chromium (playwright-core): the JavaScript the home page loads,
// gzipped, against the 150 KB ceiling; and the first contentful paint of a
// component page against a ceiling measured in the same run: the first paint of a static
// document of the same service (/healthz), times FIRST_PAINT_FACTOR.
// Run with `npm run bench` (builds first). BENCH_RUNS sets how many loads each median takes.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const { chromium } = require('playwright-core');
const { record } = require('./lib/report.js');
const { startService, stop } = require('./lib/service.js');

const RUNS = Number(process.env.BENCH_RUNS || 5);
const HOME_JS_CEILING = 150 * 1024;
// A page of the store may take this many times a bare document's first paint (its script must load and run first).
const FIRST_PAINT_FACTOR = 5;
// Debian's Chromium with the same flags as the browser tests.
const LAUNCH = require('../test/web/support/chromium-launch.json');

/** Gzipped bytes of every script the page at `url` loads. */
async function scriptBytes(browser, url) {
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body().then((b) => ({ url: r.url(), gz: gzipSync(b, { level: 9 }).length })));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const scripts = await Promise.all(bodies);
  await page.close();
  return scripts;
}

/** Median first contentful paint (ms) of `url` over RUNS fresh loads, read by a PerformanceObserver. */
async function firstPaint(browser, url) {
  const times = [];
  for (let n = 0; n < RUNS; n++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    times.push(ms);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-bench-store-'));
  const { child, url } = await startService(join(dir, 'bench.sqlite'));
  const browser = await chromium.launch(LAUNCH);
  try {
    const scripts = await scriptBytes(browser, `${url}/`);
    const total = scripts.reduce((sum, s) => sum + s.gz, 0);
    const graphiql = scripts.some((s) => /graphiql/i.test(s.url));
    record({
      id: 'store-home-js',
      what: `store home page JavaScript, gzipped, ${scripts.length} file(s)${graphiql ? ' (GraphiQL LOADED)' : ''}`,
      value: total / 1024,
      unit: 'KB',
      ceiling: "the storefront issue's budget",
      ceilingValue: HOME_JS_CEILING / 1024,
      ratio: total / HOME_JS_CEILING,
      goal: '≤ 150 KB, without GraphiQL',
      met: total <= HOME_JS_CEILING && !graphiql,
    });
    const bare = await firstPaint(browser, `${url}/healthz`);
    const component = await firstPaint(browser, `${url}/components/postgresql`);
    record({
      id: 'store-first-paint',
      what: `component page first contentful paint (median of ${RUNS})`,
      value: component,
      unit: 'ms',
      ceiling: "first contentful paint of the same service's /healthz",
      ceilingValue: bare,
      ratio: component / bare,
      goal: `≤ ${FIRST_PAINT_FACTOR} × its time`,
      met: component <= bare * FIRST_PAINT_FACTOR,
    });
  } finally {
    await browser.close();
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
