import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeApp } from '../../libs/composition/index.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import { shippedCatalog } from './example-bundles.js';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const specs = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((text) => /^kind: App$/m.test(text));

describe('app specs shown in the README compose against the shipped catalog', () => {
  it('has at least one', () => expect(specs.length).toBeGreaterThan(0));
  specs.forEach((text, i) => {
    it(`README app spec ${i + 1}`, () => {
      const parsed = parseAppSpec(text, 'README.md');
      expect(parsed.diagnostics).toEqual([]);
      const composed = composeApp(parsed.value!, shippedCatalog());
      expect([...composed.diagnostics, ...composed.warnings]).toEqual([]);
    });
  });
});
