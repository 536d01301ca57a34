import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestDigest, parseManifest } from '../manifest/index.js';
import { inputsValidatorCode } from './inputs-plan.js';
import { offerPrecompiledValidators } from './precompiled-validators.js';
import { validateInputs } from './validate-inputs.js';

const manifest = parseManifest(readFileSync(join(__dirname, '../manifest/testdata/minimal.component.yaml'), 'utf8')).value!;
const compiled = { digest: manifestDigest(manifest), manifest };
// The same manifest under another digest, so its plan is built from the offered code, not from the compiled one's.
const precompiled = { digest: 'offered-' + compiled.digest, manifest };

const VALUES: Array<Record<string, unknown>> = [
  {},
  { database: 'shop', password: 'long-enough-secret', port: 80 },
  { database: 'Shop!', password: 'short', port: 70000 },
  { port: 'eighty', unknown: true },
  { database: 7, password: ['x'], port: 1.5 },
];

describe('inputs validators precompiled into the catalog cache', () => {
  it('write code that, offered back, answers exactly as the compiled validator (defaults, errors, messages)', () => {
    const code = inputsValidatorCode(compiled);
    expect(code).toContain('module.exports');
    offerPrecompiledValidators({ [precompiled.digest]: code! });
    for (const given of VALUES) {
      const a = validateInputs(compiled, given, { previous: { password: 'kept-from-before-123' } });
      const b = validateInputs(precompiled, given, { previous: { password: 'kept-from-before-123' } });
      expect(b).toEqual(a);
    }
    expect(validateInputs(precompiled, { port: 0 }).diagnostics.map((d) => d.path)).toEqual(['port']);
  });

  it('are what validateInputs runs for an offered digest (here one that accepts anything), not a fresh compile', () => {
    const digest = 'accepts-anything-' + compiled.digest;
    offerPrecompiledValidators({ [digest]: 'module.exports.default = () => true;' });
    expect(validateInputs({ digest, manifest }, { port: 'eighty' }).diagnostics).toEqual([]);
    expect(validateInputs(compiled, { port: 'eighty' }).diagnostics).not.toEqual([]);
  });
});
