import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleBundle, exampleNames } from './example-bundles.js';
import { helmTemplateMany } from './helm-run.js';

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
  if (text === '') return ['Changed0secret0value0123456789'];
  const bumped = text.replace(/([0-9]+)(?!.*[0-9])/, (n) => String(Number(n) + 1));
  return [bumped, `${text}x`, `${text}1`, `x${text}`, `${text}/x`];
}

/** The `--set-json` flag that sets the leaf: a list element is set through its whole list (Helm replaces lists). */
function setFlag(prefix: string, values: unknown, path: Path, leaf: unknown): string[] {
  const at = path.findIndex((k) => typeof k === 'number');
  const key = at < 0 ? path : path.slice(0, at);
  const changed = getAt(setAt(values, path, leaf), key);
  return ['--set-json', `${[prefix, ...key].map((k) => String(k).replace(/[.\\[\],=]/g, (c) => `\\${c}`)).join('.')}=${JSON.stringify(changed)}`];
}

describe('every key of a generated values.yaml has an effect (real helm template, --set)', () => {
  for (const example of exampleNames()) {
    it(`${example}: each leaf set to another valid value changes the rendered objects`, () => {
      const files = exampleBundle(example, 'helm');
      const values = parse(files.find((f) => f.path === 'values.yaml')!.content, { version: '1.1' });
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(files.find((f) => f.path === 'values.schema.json')!.content));
      expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
      // A secret left empty is generated afresh by each render: give it, so only the key under test can change.
      const fixed = (prefix: string) =>
        leaves(values).flatMap((path) => (getAt(values, path) === '' ? setFlag(prefix, values, path, 'Fixed0secret0value0123456789') : []));

      const cases = leaves(values).map((path) => {
        const before = getAt(values, path);
        const after = candidates(before).find((c) => c !== before && validate(setAt(values, path, c)));
        return { path, before, after };
      });
      // Every leaf has another value its schema accepts, or the test would prove nothing for it.
      expect(cases.filter((c) => c.after === undefined).map((c) => c.path.join('.'))).toEqual([]);

      // One helm run renders the chart as it is and once per changed leaf.
      const [baseline, ...rendered] = helmTemplateMany([
        { files, args: fixed },
        ...cases.map((c) => ({ files, args: (prefix: string) => [...fixed(prefix), ...setFlag(prefix, values, c.path, c.after)] })),
      ]).map((r) => r.objects);
      expect(baseline!.size).toBeGreaterThan(0);
      const unchanged = cases.filter((_c, i) => JSON.stringify([...rendered[i]!]) === JSON.stringify([...baseline!]));
      expect(unchanged.map((c) => `${c.path.join('.')}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)).toEqual([]);
    });
  }
});
