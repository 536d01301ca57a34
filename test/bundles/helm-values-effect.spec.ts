import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeApp } from '../../libs/composition/index.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import { renderHelm } from '../../libs/render/helm/index.js';
import type { BundleFile } from '../../libs/render/index.js';
import { exampleBundle, exampleNames, shippedCatalog } from './example-bundles.js';
import { DATABASE_OF, wiringLine } from './catalog-wiring.js';
import { helmTemplateMany, type BatchChart } from './helm-run.js';

type Path = Array<string | number>;

/** Every leaf of values.yaml: a scalar, or an element of a list (set through its whole list). */
function leaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function getAt(values: unknown, path: Path): unknown {
  return path.reduce((v: any, k) => v?.[k], values);
}

function setAt(values: unknown, path: Path, leaf: unknown): unknown {
  const copy = structuredClone(values) as any;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]!] = leaf;
  return copy;
}

/** Other values of the same type, most alike first: a number bumped, a character added, a flag flipped. */
function candidates(value: unknown): unknown[] {
  if (typeof value === 'boolean') return [!value];
  if (typeof value === 'number') return [value + 1, value - 1];
  const text = String(value);
  if (text === '') return ['changed0secret0value0123456789abcdef01234'];
  const bumped = text.replace(/([0-9]+)(?!.*[0-9])/, (n) => String(Number(n) + 1));
  return [bumped, `${text}x`, `${text}1`, `x${text}`, `${text}/x`];
}

/** The values an `enum` in the schema allows at this leaf (none when it has no enum): a closed set has no "most alike" value. */
function enumOf(schema: any, path: Path): unknown[] {
  const at = path.reduce((s: any, k) => (typeof k === 'number' ? s?.items : s?.properties?.[k]), schema);
  return Array.isArray(at?.enum) ? at.enum : [];
}

/** The `--set-json` flag that sets the leaf: a list element is set through its whole list (Helm replaces lists). */
function setFlag(prefix: string, values: unknown, path: Path, leaf: unknown): string[] {
  const at = path.findIndex((k) => typeof k === 'number');
  const key = at < 0 ? path : path.slice(0, at);
  const changed = getAt(setAt(values, path, leaf), key);
  return ['--set-json', `${[prefix, ...key].map((k) => String(k).replace(/[.\\[\],=]/g, (c) => `\\${c}`)).join('.')}=${JSON.stringify(changed)}`];
}

/**
 * Sets each leaf of each chart's values.yaml to another value its schema accepts, and expects
 * each to change what helm renders; all renders of all charts in one helm run.
 */
function expectEveryKeyHasEffect(charts: ReadonlyArray<{ label: string; files: readonly BundleFile[] }>, release: string): void {
  const batch: BatchChart[] = [];
  const checks: Array<{ label: string; baseline: number; cases: Array<{ path: Path; before: unknown; after: unknown; render: number }> }> = [];
  for (const { label, files } of charts) {
    const values = parse(files.find((f) => f.path === 'values.yaml')!.content, { version: '1.1' });
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(files.find((f) => f.path === 'values.schema.json')!.content);
    const validate = ajv.compile(schema);
    expect(validate(values), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
    // A secret left empty is generated afresh by each render: give it, so only the key under test can change.
    const fixed = (prefix: string) =>
      leaves(values).flatMap((path) => (getAt(values, path) === '' ? setFlag(prefix, values, path, 'fixed0secret0value0123456789abcdef0123456') : []));
    const cases = leaves(values).map((path) => {
      const before = getAt(values, path);
      const after = [...enumOf(schema, path), ...candidates(before)].find((c) => c !== before && validate(setAt(values, path, c)));
      return { path, before, after, render: 0 };
    });
    // Every leaf has another value its schema accepts, or the test would prove nothing for it.
    expect(cases.filter((c) => c.after === undefined).map((c) => `${label}: ${c.path.join('.')}`)).toEqual([]);
    const baseline = batch.push({ files, args: fixed }) - 1;
    for (const c of cases) c.render = batch.push({ files, args: (prefix: string) => [...fixed(prefix), ...setFlag(prefix, values, c.path, c.after)] }) - 1;
    checks.push({ label, baseline, cases });
  }
  const rendered = helmTemplateMany(batch, release).map((r) => JSON.stringify([...r.objects]));
  const unchanged: string[] = [];
  for (const { label, baseline, cases } of checks) {
    expect(rendered[baseline]!.length, label).toBeGreaterThan(2);
    for (const c of cases)
      if (rendered[c.render] === rendered[baseline]) unchanged.push(`${label}: ${c.path.join('.')}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  }
  expect(unchanged).toEqual([]);
}

describe('every key of a generated values.yaml has an effect (real helm template, --set)', () => {
  for (const example of exampleNames()) {
    it(`${example}: each leaf set to another valid value changes the rendered objects`, () => {
      expectEveryKeyHasEffect([{ label: example, files: exampleBundle(example, 'helm') }], example);
    });
  }

  it('every shipped component alone in a chart: each leaf set to another valid value changes the rendered objects', () => {
    const catalog = shippedCatalog();
    const charts = [...new Set(catalog.search().map((c) => c.name))].sort().map((name) => {
      const lines = ['apiVersion: aisle.dev/v1', 'kind: App', 'metadata: { name: store }', 'instances:', `  ${name}:`, `    component: ${name}`];
      if (name === 'web-app') lines.push('    inputs: { image: "ghcr.io/acme/shop:1.4.2" }');
      if (name === 'haproxy' || name === 'varnish') lines.push('    inputs: { backendHost: backend.internal }');
      if (name === 'otel-collector') lines.push('    inputs: { exportEndpoint: "backend.internal:4317" }');
      if (name === 'dex') lines.push('    inputs: { redirectUri: "http://localhost:8080/oauth2/callback" }');
      // An app component needs its database (and cache): its wiring is what the chart rebuilds, so their keys are checked too.
      const wiring = wiringLine(catalog, name, 'db', 'cache');
      if (wiring) {
        lines.push(wiring, '  db:', `    component: ${DATABASE_OF[name]}`);
        if (wiring.includes('cache.')) lines.push('  cache:', '    component: redis');
      }
      const spec = parseAppSpec(`${lines.join('\n')}\n`);
      expect(spec.diagnostics).toEqual([]);
      const composed = composeApp(spec.value!, catalog);
      expect(composed.diagnostics, name).toEqual([]);
      return { label: name, files: renderHelm(composed.app!) };
    });
    expectEveryKeyHasEffect(charts, 'store');
  }, 60_000);
});
