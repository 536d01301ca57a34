#!/usr/bin/env node
'use strict';
// The store in Debian's Chromium (playwright-core): the JavaScript the home page loads,
// gzipped, against the 150 KB ceiling; and the first contentful paint of a
// component page against a ceiling measured in the same run: the first paint of a static
// document of the same service (/healthz), times FIRST_PAINT_FACTOR.
// Run with `npm run bench` (builds first). BENCH_RUNS sets how many loads each median takes.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const { chromium } = require('playwright-core');

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const HOME_JS_CEILING = 150 * 1024;
// A page of the store may take this many times a bare document's first paint (its script must load and run first).
const FIRST_PAINT_FACTOR = 5;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function startService(dir) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: join(dir, 'bench.sqlite'), LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const m = /"msg":"listening","url":"(http:\/\/[^"]+)\/graphql"/.exec(seen);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the service exited with ${code} before listening:\n${seen.slice(-2000)}`)));
  });
}

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
  const { child, url } = await startService(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  let failed = false;
  try {
    const scripts = await scriptBytes(browser, `${url}/`);
    const total = scripts.reduce((sum, s) => sum + s.gz, 0);
    const graphiql = scripts.some((s) => /graphiql/i.test(s.url));
    console.log(
      `store home page JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.length} file(s); ceiling 150 KB (${((100 * total) / HOME_JS_CEILING).toFixed(0)}%)${graphiql ? '; GraphiQL LOADED' : ''}`,
    );
    if (total > HOME_JS_CEILING || graphiql) failed = true;
    const bare = await firstPaint(browser, `${url}/healthz`);
    const component = await firstPaint(browser, `${url}/components/postgresql`);
    const ceiling = bare * FIRST_PAINT_FACTOR;
    console.log(
      `component page first contentful paint: ${component.toFixed(0)} ms (median of ${RUNS}); ceiling ${ceiling.toFixed(0)} ms = ${FIRST_PAINT_FACTOR} × /healthz's ${bare.toFixed(0)} ms (ratio ${(component / bare).toFixed(1)})`,
    );
    if (component > ceiling) failed = true;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) {
    console.log('store bench: over a ceiling');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
