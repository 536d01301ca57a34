#!/usr/bin/env node
'use strict';
// validateInputs in-process, warm, against its ceiling: one raw call of the ajv validator compiled
// from the same inputs schema by the same ajv set-up (Aisle's createAjv: RE2 for patterns, defaults
// applied), measured in the same run on the same values. What validateInputs adds on top is the
// screening of sizes, generated secrets, the pattern budget and the diagnostics. Runs the built code.
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const { record } = require('./lib/report.js');

const dist = join(__dirname, '..', 'dist', 'libs');
if (!existsSync(join(dist, 'inputs', 'index.js'))) {
  process.stderr.write('bench: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const { loadCatalog, shippedCatalogDir } = require(join(dist, 'catalog', 'index.js'));
const { validateInputs } = require(join(dist, 'inputs', 'index.js'));
const { createAjv } = require(join(dist, 'manifest', 'index.js'));

const GOAL = 1.25;
const CALLS = 20000;
const ROUNDS = 31;

// The `aisle get postgresql --set database=shop` case, with every input given (a generated secret
// would time the random generator, not validation).
const catalog = loadCatalog(shippedCatalogDir()).index;
const version = catalog.versions('postgresql')[0];
const given = { database: 'shop', username: 'shop_owner', password: 'correct-horse-battery-staple', storageSize: '10Gi' };
const raw = createAjv({ useDefaults: true }).compile({ ...version.manifest.spec.inputs, additionalProperties: false });

/** Nanoseconds per call of `fn` over CALLS calls. */
function round(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) fn();
  return Number(process.hrtime.bigint() - start) / CALLS;
}

// Both get a fresh copy of the values each call (ajv's defaults write into it), so the copy is on both sides.
const check = validateInputs(version, { ...given });
if (check.diagnostics.length > 0 || !raw({ ...given })) throw new Error(`bench values do not validate: ${JSON.stringify(check.diagnostics)}`);
const rawCall = () => raw({ ...given });
const ourCall = () => validateInputs(version, { ...given });
// warm-up: JIT
for (let r = 0; r < 3; r++) {
  round(rawCall);
  round(ourCall);
}
// Rounds alternate, so a busy moment of the machine falls on both sides alike.
const rawRounds = [];
const ourRounds = [];
for (let r = 0; r < ROUNDS; r++) {
  rawRounds.push(round(rawCall));
  ourRounds.push(round(ourCall));
}
// The fastest round of each: on a shared machine noise only ever adds time, so the minimum is the steadiest
// estimate of what a call costs (the median moved by 50 % between runs on a busy 2-core machine).
const ceiling = Math.min(...rawRounds);
const ours = Math.min(...ourRounds);
record({
  id: 'validate-inputs',
  what: `validateInputs(postgresql@${version.version}, 4 values), in-process, warm`,
  value: ours,
  unit: 'ns/call',
  ceiling: 'one raw call of the ajv validator compiled from the same inputs schema',
  ceilingValue: ceiling,
  ratio: ours / ceiling,
  goal: `≤ ${GOAL} × its time`,
  met: ours / ceiling <= GOAL,
});
