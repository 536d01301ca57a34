import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog, shippedCatalogDir, type ComponentVersion } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import type { Diagnostic } from '../../libs/diagnostics/index.js';
import { validateInputs } from '../../libs/inputs/index.js';
import { parseAppSpec, type AppSpec, type Scalar } from '../../libs/manifest/index.js';
import { FUZZ_RUNS, fuzzParameters } from './fuzz-config.js';
import { hostileNumber, hostileString, hostileValue } from './hostile-values.js';
import { withinStallBound } from './stall-bound.js';

const catalog = loadCatalog(shippedCatalogDir()).index;
const versions: ComponentVersion[] = catalog.names().flatMap((name) => [...catalog.versions(name)]);
// About 30 ms a case on a loaded 2-core machine; longer hunts (FUZZ_RUNS) get the time they need.
const TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 80);

// Every secret the fuzz gives carries this on both ends: any echo of it, or of a part cut at either end, shows.
const MARK = 'Qz7Secret';

/** Every diagnostic names a code and a path, and never shows the secret. */
function expectSafe(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[A-Z_]+$/);
    expect(typeof d.path).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(`${d.path} ${d.message}`).not.toContain(MARK);
  }
}

/** A value for one declared input: the values it documents, or anything a hostile caller might send. */
function valueFor(version: ComponentVersion, name: string): fc.Arbitrary<unknown> {
  const property = version.manifest.spec.inputs.properties[name]!;
  const documented = [property.default, ...(property.enum ?? []), ...(property.examples ?? [])].filter((v) => v !== undefined);
  const anything = fc.oneof(
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    hostileValue,
    fc.integer({ min: 1, max: 70_000 }).map((n) => 'a'.repeat(n)),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `${s}\uD800`),
  );
  const value = documented.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...documented), weight: 3 }, { arbitrary: anything, weight: 2 }) : anything;
  // A secret is wrapped in the mark when it is text; a valid-looking one often passes, to reach composition.
  if (property.writeOnly !== true) return value;
  return fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9]{12,40}$/).map((s) => `${MARK}${s}${MARK}`),
    value.map((v) => (typeof v === 'string' ? `${MARK}${v}${MARK}` : v)),
    // Text that reads as wiring: composition evaluates it, and must not quote it back.
    fc.constantFrom(`\${{ ${MARK}.url }}`, `\${{ x.${MARK} }}`, `a\${{ ${MARK} }}b`, `\${{ ${MARK}`),
  );
}

/** A version and the values given for it: some declared inputs, left out or not, and some names it does not have. */
const call = fc.nat({ max: versions.length - 1 }).chain((index) => {
  const version = versions[index]!;
  const names = Object.keys(version.manifest.spec.inputs.properties);
  const declared = fc.record(Object.fromEntries(names.map((n) => [n, fc.option(valueFor(version, n), { nil: undefined, freq: 3 })])));
  const extra = fc.array(
    fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('toString', 'constructor', 'valueOf', '__proto__', 'x'.repeat(300))), hostileValue),
    { maxLength: 2 },
  );
  return fc.tuple(fc.constant(index), declared, extra, fc.boolean());
});

/** The values as a caller would send them (undefined ones left out), unknown names added by definition, not assignment. */
function givenValues(declared: Record<string, unknown>, extra: ReadonlyArray<[string, unknown]>, withExtra: boolean): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(declared)) if (value !== undefined) given[name] = value;
  if (withExtra) for (const [name, value] of extra) Object.defineProperty(given, name, { value, enumerable: true, writable: true, configurable: true });
  return given;
}

describe('fuzz: input values (issue 8)', () => {
  // The first calls compile validators and warm the JIT; the stall bound is about what follows.
  for (const version of versions) validateInputs(version, {});

  it(
    'validateInputs and composeApp never throw, never echo a secret, stay under the stall bound; accepted values compose unchanged',
    () => {
      fc.assert(
        fc.property(call, ([index, declared, extra, withExtra]) => {
          const version = versions[index]!;
          const given = givenValues(declared, extra, withExtra);
          const result = withinStallBound('validateInputs', () => validateInputs(version, given));
          expectSafe(result.diagnostics);
          // Composition also meets refused values (it reports every problem at once): it must not throw on them either.
          const spec: AppSpec = {
            apiVersion: 'aisle.dev/v1',
            kind: 'App',
            metadata: { name: 'fuzz' },
            instances: { x: { component: `${version.name}@${version.version}`, inputs: given as Record<string, Scalar> } },
          };
          const composed = withinStallBound('composeApp', () => composeApp(spec, catalog));
          expectSafe(composed.diagnostics);
          if (result.diagnostics.some((d) => d.severity === 'error') || !composed.app) return;
          const instance = composed.app.instances[0]!;
          for (const [name, value] of Object.entries(given)) {
            // A value with ${{ is wiring, evaluated against other instances; everything else arrives as given.
            if (typeof value === 'string' && value.includes('${{')) continue;
            expect(instance.inputs[name]).toStrictEqual(value);
          }
        }),
        fuzzParameters(),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a secret written into an app spec never appears in a diagnostic, however the YAML around it breaks (item 8)',
    () => {
      const noise = fc
        .array(
          fc.constantFrom(':', ': ', ' ', '{', '}', '[', ']', ',', '"', "'", '\t', '#', '&', '*', '!', '|', '>', '%', '@', '`', '\\', '-', '?', 'a', 'b1'),
          { maxLength: 8 },
        )
        .map((p) => p.join(''));
      fc.assert(
        fc.property(noise, noise, (before, after) => {
          for (const section of ['inputs', 'env']) {
            const text = `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql\n    ${section}:\n      PASSWORD: ${before}${MARK}${after}${MARK}\n      other: x\n`;
            const parsed = withinStallBound('parseAppSpec', () => parseAppSpec(text, 'app.yaml'));
            expectSafe(parsed.diagnostics);
          }
        }),
        fuzzParameters(),
      );
    },
    TIMEOUT_MS,
  );
});
