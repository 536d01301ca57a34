import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_SECTION_BEGIN, CATALOG_SECTION_END, loadCatalog, renderCatalogSection, shippedCatalogDir } from '../libs/catalog/index.js';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe("README.md's catalog section", () => {
  it('is what the catalog generates (refresh with npm run catalog:readme)', () => {
    const begin = README.indexOf(CATALOG_SECTION_BEGIN);
    const end = README.indexOf(CATALOG_SECTION_END);
    expect(begin, 'README.md has the catalog markers').toBeGreaterThanOrEqual(0);
    const shown = README.slice(begin, end + CATALOG_SECTION_END.length);
    expect(shown, 'README.md catalog section is stale: run npm run catalog:readme').toBe(renderCatalogSection(loadCatalog(shippedCatalogDir()).index));
  });

  it('lists every component and kit by name', () => {
    const index = loadCatalog(shippedCatalogDir()).index;
    for (const name of [...index.names(), ...index.kitNames()]) expect(README).toContain(`| \`${name}\` |`);
  });
});
