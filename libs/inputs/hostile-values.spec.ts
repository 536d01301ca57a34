import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestDigest, parseManifest, type ComponentManifest, type InputProperty } from '../manifest/index.js';
import { MAX_GENERATED_SECRET_LENGTH } from './generate-secret.js';
import { MAX_INPUT_STRING_LENGTH, MAX_INPUT_TOTAL_LENGTH } from './input-value-limits.js';
import { validateInputs } from './validate-inputs.js';

const minimal = parseManifest(readFileSync(join(__dirname, '../manifest/testdata/minimal.component.yaml'), 'utf8')).value!;

/** The minimal manifest with its inputs replaced, as a published version would carry them (no parse step: stored manifests are trusted as JSON). */
function versionWith(properties: Record<string, InputProperty>): { digest: string; manifest: ComponentManifest } {
  const manifest = structuredClone(minimal);
  manifest.spec.inputs = { type: 'object', additionalProperties: false, properties };
  return { digest: manifestDigest(manifest), manifest };
}

/** How long one call takes, in milliseconds. */
function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

// The issue's own bound: no request stalls the event loop more than 200 ms.
const STALL_MS = 200;

describe('validateInputs against hostile publishers and callers', () => {
  it('runs a publisher pattern with nested quantifiers in linear time (issue 8, item 4)', () => {
    const version = versionWith({ name: { type: 'string', description: 'Name.', pattern: '^(a+)+$' } });
    validateInputs(version, { name: 'aaa' });
    for (const value of [`${'a'.repeat(30)}!`, `${'a'.repeat(5000)}!`]) {
      const { result, ms } = timed(() => validateInputs(version, { name: value }));
      expect(ms).toBeLessThan(STALL_MS);
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'INPUT_INVALID', path: 'name' })]);
    }
    expect(validateInputs(version, { name: 'a'.repeat(5000) }).diagnostics).toEqual([]);
  });

  it('refuses a value too long to check against its pattern, saying so, without running it', () => {
    const version = versionWith({ name: { type: 'string', description: 'Name.', pattern: '^(a+)+$' } });
    const { result, ms } = timed(() => validateInputs(version, { name: `${'a'.repeat(60_000)}!` }));
    expect(ms).toBeLessThan(STALL_MS);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'INPUT_INVALID',
        path: 'name',
        message: expect.stringMatching(/^is too long to check against its pattern: at most \d+ characters$/),
      }),
    ]);
  });

  it('keeps the total cost of pattern checks in one call bounded, however many inputs have patterns', () => {
    const properties: Record<string, InputProperty> = {};
    const given: Record<string, string> = {};
    // A pattern whose lazy DFA gains a state on nearly every character: the costliest kind per character.
    for (let i = 0; i < 40; i++) {
      properties[`p${i}`] = { type: 'string', description: 'P.', pattern: '(?:[ab]{0,10}a){9}$' };
      given[`p${i}`] = Array.from({ length: 1200 }, (_, j) => ((j * 7 + i) % 3 === 0 ? 'a' : 'b')).join('');
    }
    const version = versionWith(properties);
    const { result, ms } = timed(() => validateInputs(version, given));
    expect(ms).toBeLessThan(STALL_MS);
    expect(result.diagnostics.some((d) => d.message.includes('together with the other values'))).toBe(true);
  });

  it(`refuses a string value over ${MAX_INPUT_STRING_LENGTH} characters before validating it (item 5)`, () => {
    const version = versionWith({ note: { type: 'string', description: 'Note.', format: 'email' } });
    const { result, ms } = timed(() => validateInputs(version, { note: 'x'.repeat(MAX_INPUT_STRING_LENGTH + 1) }));
    expect(ms).toBeLessThan(STALL_MS);
    expect(result.diagnostics).toEqual([
      { severity: 'error', code: 'INPUT_INVALID', path: 'note', message: `must be at most ${MAX_INPUT_STRING_LENGTH} characters` },
    ]);
  });

  it(`refuses values that together exceed ${MAX_INPUT_TOTAL_LENGTH} characters`, () => {
    const properties: Record<string, InputProperty> = {};
    const given: Record<string, string> = {};
    for (let i = 0; i < 8; i++) {
      properties[`n${i}`] = { type: 'string', description: 'N.' };
      given[`n${i}`] = 'x'.repeat(MAX_INPUT_STRING_LENGTH);
    }
    const r = validateInputs(versionWith(properties), given);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'INPUT_INVALID',
        path: '',
        message: `the values given are ${8 * MAX_INPUT_STRING_LENGTH} characters in all; the limit is ${MAX_INPUT_TOTAL_LENGTH}`,
      }),
    ]);
  });

  it('generates at most a bounded secret for a stored manifest asking for 20,000,000 characters (item 5)', () => {
    const version = versionWith({
      password: { type: 'string', description: 'Secret.', writeOnly: true, minLength: 20_000_000, 'x-aisle-generate': 'password' },
    });
    const { result, ms } = timed(() => validateInputs(version, {}));
    expect(ms).toBeLessThan(STALL_MS);
    expect(String(result.values.password).length).toBeLessThanOrEqual(MAX_GENERATED_SECRET_LENGTH);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'INPUT_INVALID', path: 'password' })]);
  });

  it.each([
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate inside text', 'pass\uDC00word-1234'],
    ['a reversed pair', 'x\uDC00\uD800y'],
  ])('refuses %s at the value path without quoting it (item 9)', (_title, value) => {
    const version = versionWith({ password: { type: 'string', description: 'Secret.', writeOnly: true }, name: { type: 'string', description: 'Name.' } });
    const r = validateInputs(version, { password: value, name: value });
    expect(r.diagnostics.map((d) => [d.code, d.path]).sort()).toEqual([
      ['INPUT_INVALID', 'name'],
      ['INPUT_INVALID', 'password'],
    ]);
    for (const d of r.diagnostics) expect(d.message).toBe('must be well-formed Unicode text (it contains an unpaired surrogate)');
  });

  it('refuses __proto__ given as an input name instead of letting it reach the prototype of the values', () => {
    const version = versionWith({ name: { type: 'string', description: 'Name.', default: 'shop' } });
    const r = validateInputs(version, JSON.parse('{"__proto__": {"name": "injected"}, "toString": 1}'));
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['INPUT_UNKNOWN', '__proto__'],
      ['INPUT_UNKNOWN', 'toString'],
    ]);
    expect(Object.getPrototypeOf(r.values)).toBe(Object.prototype);
  });

  it('accepts a well-formed pair of surrogates (an emoji)', () => {
    const version = versionWith({ name: { type: 'string', description: 'Name.' } });
    expect(validateInputs(version, { name: 'shop 🛒' }).diagnostics).toEqual([]);
  });

  it('never throws on a stored manifest whose pattern no linear-time engine can run', () => {
    const version = versionWith({ name: { type: 'string', description: 'Name.', pattern: '^(a)\\1$' } });
    const r = validateInputs(version, { name: 'aa' });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'INPUTS_SCHEMA_INVALID', path: 'name', message: expect.stringContaining('cannot be checked') }),
    ]);
    expect(JSON.stringify(r.diagnostics)).not.toContain('\\1');
  });
});
