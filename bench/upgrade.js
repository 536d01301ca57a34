#!/usr/bin/env node
'use strict';
// The upgrade benchmark (issue 11): `aisle upgrade` of a 200-instance bundle — read the lock
// and the files, plan, and switch to the new bundle on disk — against `compose` + render of
// the same app in this same run, printed as a ratio. It calls the functions the upgrade
// command calls, with the catalog loaded once (as bench/run.js does for compose), so the
// ratio is the work of an upgrade, not the start of a process. Runs the built code.
const { join } = require('node:path');
const { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'apps', 'cli', 'src', 'main.js'))) {
  process.stderr.write('bench: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const { stringify } = require('yaml');
const { loadCatalog, shippedCatalogDir } = require(join(dist, 'libs', 'catalog', 'index.js'));
const { composeApp } = require(join(dist, 'libs', 'composition', 'index.js'));
const { LOCK_FILE, RENDERERS } = require(join(dist, 'libs', 'render', 'index.js'));
const { parseLock, planUpgrade } = require(join(dist, 'libs', 'upgrade', 'index.js'));
const { run } = require(join(dist, 'apps', 'cli', 'src', 'main.js'));
const { readPreviousBundle } = require(join(dist, 'apps', 'cli', 'src', 'read-previous-bundle.js'));
const { planBundleWrite } = require(join(dist, 'apps', 'cli', 'src', 'plan-bundle-write.js'));
const { switchBundle } = require(join(dist, 'apps', 'cli', 'src', 'day-two', 'switch-bundle.js'));

const INSTANCES = 200;
const RUNS = 9;
const OLD = { db: 'postgresql@16.10.0', cache: 'redis@8.2.0', web: 'web-app@1.0.0' };
const RANGES = { db: 'postgresql@^16', cache: 'redis@~8.2.0', web: 'web-app@^1' };

/** The app of bench/run.js (databases, caches, web apps wired to them), its components referenced as `refs` says. */
function appOf(n, refs) {
  const instances = {};
  const pad = (i) => String(i).padStart(4, '0');
  for (let i = 0; i < n; i++) {
    const group = pad(Math.floor(i / 3));
    const kind = ['db', 'cache', 'web'][i % 3];
    const instance = { component: refs[kind] };
    if (kind === 'db') instance.inputs = { database: 'shop' };
    if (kind === 'web') {
      instance.inputs = { image: 'docker.io/traefik/whoami:v1.10', port: 80 };
      instance.env = { DATABASE_URL: `\${{ db-${group}.url }}`, REDIS_URL: `\${{ cache-${group}.url }}` };
    }
    instances[`${kind}-${group}`] = instance;
  }
  return { apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: `bench-${n}` }, instances };
}

/** What `aisle upgrade DIR --app APP.yaml` does once the catalog is loaded: read, plan, write. */
function upgrade(dir, spec, catalog) {
  const lockText = readFileSync(join(dir, LOCK_FILE), 'utf8');
  const { lock } = parseLock(lockText);
  const previous = readPreviousBundle(dir);
  const { plan, diagnostics } = planUpgrade({ lock, lockText, catalog, files: previous.files, spec });
  if (!plan || diagnostics.length > 0) throw new Error(`bench upgrade refused: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  const write = planBundleWrite(dir, plan.files, previous, false);
  if (write.conflicts.length > 0) throw new Error('bench upgrade: conflicts');
  switchBundle(dir, plan.files, write.remove, { replacedAt: new Date().toISOString(), replacedBy: 'bench' });
  return plan.instances.length;
}

function compose(spec, catalog) {
  const composed = composeApp(spec, catalog);
  if (!composed.app) throw new Error(`bench app does not compose: ${JSON.stringify(composed.diagnostics.slice(0, 3))}`);
  return RENDERERS.compose(composed.app).length;
}

const { record, median } = require('./lib/report.js');

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'aisle-bench-upgrade-'));
  try {
    writeFileSync(join(scratch, 'old.yaml'), stringify(appOf(INSTANCES, OLD)));
    let err = '';
    const code = await run(['compose', 'old.yaml', '--out', 'old'], { out: () => {}, err: (t) => (err += t), cwd: scratch, env: {} });
    if (code !== 0) throw new Error(`bench: aisle compose failed: ${err}`);
    const catalog = loadCatalog(shippedCatalogDir()).index;
    const spec = appOf(INSTANCES, RANGES);

    const upgradeTimes = [];
    let moved = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const dir = join(scratch, `b${i}`);
      cpSync(join(scratch, 'old'), dir, { recursive: true });
      const start = performance.now();
      moved = upgrade(dir, spec, catalog);
      if (i >= 2) upgradeTimes.push(performance.now() - start);
      rmSync(dir, { recursive: true, force: true });
    }
    const composeTimes = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const start = performance.now();
      compose(spec, catalog);
      if (i >= 2) composeTimes.push(performance.now() - start);
    }
    const up = median(upgradeTimes);
    const co = median(composeTimes);
    process.stdout.write(`\nupgrade of ${INSTANCES} instances (${moved} move; plan, diff and atomic switch on disk) against compose of the same app\n`);
    record({
      id: 'upgrade',
      what: `upgrade of a ${INSTANCES}-instance app (${moved} move): read, plan, diff, write, atomic switch`,
      value: up,
      unit: 'ms',
      ceiling: 'compose + render of the same app in memory',
      ceilingValue: co,
      ratio: up / co,
      goal: 'none set (tracked)',
      met: null,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
