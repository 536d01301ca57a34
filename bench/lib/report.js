'use strict';
// One way for every bench to report a goal: a row naming what was measured, the ceiling it is
// compared with in the same run, the ratio and the goal. A bench prints its rows as it goes;
// under `npm run bench` (bench/all.js) they are also appended to BENCH_ROWS_FILE, from which the
// whole table is printed at the end and saved as JSON under bench-results/ (git-ignored), so two
// runs can be compared.
const { appendFileSync } = require('node:fs');

/**
 * @typedef {object} BenchRow
 * @property {string} id          stable key, compared across runs (e.g. "browse-uncached")
 * @property {string} what        what was measured, for people
 * @property {number} value       the measurement
 * @property {string} unit        its unit ("ms", "req/s", "MB", …)
 * @property {string} ceiling     what it is compared with, measured in the same run
 * @property {number|null} ceilingValue  that measurement, in `ceilingUnit` (null when the goal is absolute)
 * @property {string} [ceilingUnit]      defaults to `unit`
 * @property {number|null} ratio  value / ceilingValue, or the ratio the goal is stated in
 * @property {string} goal        the goal, for people ("≥ 25 % of its req/s, p99 ≤ 5 ms")
 * @property {boolean|null} met   whether every part of the goal was met in this run; null for a figure tracked
 *                                without a goal (printed as "info", never counted as missed)
 * @property {Record<string, number|string>} [extra]  other figures of the same run (p99, RSS, …)
 */

const fmt = (n, unit) => {
  if (n === null || n === undefined) return '–';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toFixed(digits)} ${unit}`.trim();
};

/** One line per row: what, measured, ceiling, ratio, goal, ok/MISSED. */
function formatRow(row) {
  const extra = row.extra
    ? `  (${Object.entries(row.extra)
        .map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v, '') : v}`)
        .join(', ')})`
    : '';
  return [
    `${row.met === null ? 'info  ' : row.met ? 'ok    ' : 'MISSED'} ${row.what}`,
    `       measured ${fmt(row.value, row.unit)}; ceiling: ${row.ceiling}${row.ceilingValue === null ? '' : ` = ${fmt(row.ceilingValue, row.ceilingUnit ?? row.unit)}`}`,
    `       ratio ${row.ratio === null ? '–' : row.ratio.toFixed(3)}; goal ${row.goal}${extra}`,
  ].join('\n');
}

/** Prints a row and, under `npm run bench`, records it for the run's table and JSON file. */
function record(row) {
  for (const key of ['id', 'what', 'unit', 'ceiling', 'goal']) {
    if (typeof row[key] !== 'string') throw new Error(`bench row ${row.id ?? '?'}: ${key} must be a string`);
  }
  if (typeof row.value !== 'number' || Number.isNaN(row.value)) throw new Error(`bench row ${row.id}: value must be a number`);
  if (typeof row.met !== 'boolean' && row.met !== null) throw new Error(`bench row ${row.id}: met must be true, false or null`);
  process.stdout.write(`${formatRow(row)}\n`);
  if (process.env.BENCH_ROWS_FILE) appendFileSync(process.env.BENCH_ROWS_FILE, `${JSON.stringify(row)}\n`);
  if (row.met === false && process.env.BENCH_STRICT === '1') process.exitCode = 1;
}

/** Median of a list of numbers (sorted in place). */
function median(values) {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

module.exports = { record, formatRow, median };
