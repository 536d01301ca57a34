import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { shippedCatalogDir } from '../../libs/catalog/index.js';
import { lintManifest, lintVersions } from '../../libs/certify/index.js';
import type { Diagnostic } from '../../libs/diagnostics/index.js';
import { checkManifest, parseAppSpec, parseManifest, type ComponentManifest } from '../../libs/manifest/index.js';
import { FUZZ_RUNS, fuzzParameters } from './fuzz-config.js';
import { hostileValue } from './hostile-values.js';
import { withinStallBound } from './stall-bound.js';

/**
 * The problems that concern a document as a whole and so have the empty path: too large
 * or too deep (YAML_TOO_LARGE), an alias bomb (YAML_ALIAS_LIMIT), a syntax error at its
 * top level (YAML_SYNTAX), and a document that is not a mapping (SCHEMA_VIOLATION).
 */

// About 20 ms a case on a loaded 2-core machine; longer hunts (FUZZ_RUNS) get the time they need.
const TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 60);

const catalog = shippedCatalogDir();
const shipped: Array<{ text: string; manifest: ComponentManifest }> = readdirSync(catalog).flatMap((name) =>
  readdirSync(join(catalog, name))
    // A kit's folder holds kit.yaml, not a component manifest.
    .filter((version) => existsSync(join(catalog, name, version, 'component.yaml')))
    .map((version) => {
      const text = readFileSync(join(catalog, name, version, 'component.yaml'), 'utf8');
      return { text, manifest: parseManifest(text).value! };
    }),
);

/** Every diagnostic names a code and a path, never an empty one (issue 10: a whole-document problem's path is its file). */
function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(typeof d.code).toBe('string');
    expect(d.code).toMatch(/^[A-Z_]+$/);
    expect(typeof d.path).toBe('string');
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.path, JSON.stringify(d)).not.toBe('');
  }
}

/** Every path into a value: the places a mutation can land. */
function pathsOf(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

type Mutation = { kind: 'replace' | 'delete' | 'add'; at: number; key: string; value: unknown };

/** A deep copy of the manifest with each mutation applied at a path picked by its index. */
function mutate(manifest: ComponentManifest, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(manifest);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      root = m.kind === 'replace' ? m.value : root;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (m.kind === 'delete') delete parent[last];
    else if (m.kind === 'replace') parent[last] = m.value;
    else {
      const target = parent[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else parent[last] = m.value;
    }
  }
  return root;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'delete', 'add'),
  at: fc.nat(),
  key: fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('toString', 'constructor', 'hasOwnProperty', 'valueOf', 'pattern', 'x-aisle-generate', 'minLength', 'command', ''),
  ),
  value: hostileValue,
});

// Pieces of YAML, broken and whole, for documents written from scratch.
const YAML_PIECES = [
  'a',
  'spec',
  'inputs',
  ':',
  ': ',
  ' ',
  '  ',
  '\n',
  '\n  ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&x ',
  '*x',
  '!t ',
  '!!str ',
  '# c',
  '|',
  '>-',
  '? ',
  '\t',
  '\\',
  '\\u',
  'x: y',
  '<<: *x',
  '---',
  '...',
  '%YAML 1.2',
  '\uD800',
  '${{',
  '1e309',
  '.inf',
  '~',
  'null',
];

describe('fuzz: manifests (issue 8)', () => {
  // The first calls compile the schemas and warm the JIT; the stall bound is about what follows.
  parseManifest(shipped[0]!.text);
  parseAppSpec('apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: x }\ninstances: { x: { component: redis } }\n');
  lintManifest(shipped[0]!.manifest);

  it(
    'a shipped manifest with its parts replaced, deleted or added never makes parsing or lint throw',
    () => {
      fc.assert(
        fc.property(fc.nat({ max: shipped.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (index, mutations, asJson) => {
          const original = shipped[index]!.manifest;
          const mutated = mutate(original, mutations);
          const text = asJson ? (JSON.stringify(mutated) ?? '') : stringify(mutated ?? null);
          const parsed = withinStallBound('parseManifest', () => parseManifest(text, 'm.yaml'));
          expectWellFormed(parsed.diagnostics);
          expectWellFormed(withinStallBound('checkManifest', () => checkManifest(mutated)).diagnostics);
          // The rules are written to survive manifests the schema would refuse, as a caller may hand them one.
          const lint = withinStallBound('lintManifest', () => lintManifest(mutated as ComponentManifest));
          expectWellFormed(lint);
          for (const d of lint) expect(d.path).not.toBe('');
          if (parsed.value) {
            expectWellFormed(withinStallBound('lintManifest', () => lintManifest(parsed.value!)));
            expectWellFormed(withinStallBound('lintVersions', () => lintVersions([{ manifest: original }, { manifest: parsed.value! }])));
          }
        }),
        fuzzParameters(),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'arbitrary YAML text never makes parseManifest or parseAppSpec throw',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 40 }).map((p) => p.join('')),
            fc.string({ unit: 'binary', maxLength: 200 }),
          ),
          (text) => {
            expectWellFormed(withinStallBound('parseManifest', () => parseManifest(text, 'm.yaml')).diagnostics);
            expectWellFormed(withinStallBound('parseAppSpec', () => parseAppSpec(text, 'app.yaml')).diagnostics);
          },
        ),
        fuzzParameters(),
      );
    },
    TIMEOUT_MS,
  );
});
