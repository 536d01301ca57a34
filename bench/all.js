#!/usr/bin/env node
'use strict';
// `npm run bench`: runs every bench in this folder (bench/*.js but this one and the sustained
// load test, bench:load, which takes six minutes), each in its own process, one after another so
// they do not compete for the two cores; then prints every goal row together and saves the run as
// JSON under bench-results/ (git-ignored): the rows plus the machine, Node and commit, so two runs
// can be compared. BENCH_ONLY=api,cli runs a subset.
const { spawnSync, execFileSync } = require('node:child_process');
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } = require('node:fs');
const { cpus, totalmem } = require('node:os');
const { join } = require('node:path');
const { formatRow } = require('./lib/report.js');

const HERE = __dirname;
const NOT_BENCHES = new Set(['all.js', 'load.js']);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => `${s.trim()}.js`)) : undefined;
const benches = readdirSync(HERE)
  .filter((f) => f.endsWith('.js') && !NOT_BENCHES.has(f) && (!only || only.has(f)))
  .sort();

const outDir = join(HERE, '..', 'bench-results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const rowsFile = join(outDir, `.rows-${stamp}.jsonl`);

const failures = [];
for (const file of benches) {
  process.stdout.write(`\n== bench/${file}\n`);
  const r = spawnSync(process.execPath, [join(HERE, file)], { stdio: 'inherit', env: { ...process.env, BENCH_ROWS_FILE: rowsFile } });
  if (r.status !== 0) failures.push(`${file} (exit ${r.status ?? r.signal})`);
}

const rows = existsSync(rowsFile)
  ? readFileSync(rowsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
rmSync(rowsFile, { force: true });
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: HERE, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the figures are still worth keeping
}
const run = {
  at: new Date().toISOString(),
  commit,
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  rows,
};
const saved = join(outDir, `${stamp}.json`);
writeFileSync(saved, `${JSON.stringify(run, null, 2)}\n`);

process.stdout.write(`\n== every goal, this run (${commit}, Node ${process.version}, ${run.cpus} cores)\n`);
for (const row of rows) process.stdout.write(`${formatRow(row)}\n`);
const missed = rows.filter((r) => r.met === false);
const goals = rows.filter((r) => r.met !== null);
process.stdout.write(
  `\n${goals.length - missed.length} of ${goals.length} goals met${missed.length ? `; missed: ${missed.map((r) => r.id).join(', ')}` : ''}\n`,
);
if (failures.length) process.stdout.write(`benches that failed to run: ${failures.join(', ')}\n`);
process.stdout.write(`saved ${saved}\n`);
process.exitCode = failures.length ? 1 : 0;
