#!/usr/bin/env node
'use strict';
// Writes Aisle's precompiled schema validators (ajv standalone code) from the built generator:
// `npm run schemas:compile` builds, runs this, and builds again so dist/ holds the new code.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const root = join(__dirname, '..');
const { APP_SHAPE_VALIDATOR_FILE, appShapeValidatorCode } = require(join(root, 'dist', 'libs', 'manifest', 'app-shape-validator-code.js'));
writeFileSync(join(root, APP_SHAPE_VALIDATOR_FILE), appShapeValidatorCode());
process.stdout.write(`wrote ${APP_SHAPE_VALIDATOR_FILE}\n`);
