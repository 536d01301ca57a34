#!/usr/bin/env node
'use strict';
// Rewrites README.md's catalog section from the shipped catalog (npm run catalog:readme);
// test/readme-catalog.spec.ts fails while it is stale.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const catalog = require(join(__dirname, '..', 'dist', 'libs', 'catalog', 'index.js'));
const readmePath = join(__dirname, '..', 'README.md');
const loaded = catalog.loadCatalog(catalog.shippedCatalogDir());
const readme = readFileSync(readmePath, 'utf8');
const next = catalog.replaceCatalogSection(readme, catalog.renderCatalogSection(loaded.index));
if (next === undefined) {
  process.stderr.write(`catalog-readme: README.md has no ${catalog.CATALOG_SECTION_BEGIN} ... ${catalog.CATALOG_SECTION_END} markers\n`);
  process.exit(1);
}
if (next !== readme) writeFileSync(readmePath, next);
process.stdout.write(next === readme ? 'README.md catalog section is up to date\n' : 'README.md catalog section rewritten\n');
