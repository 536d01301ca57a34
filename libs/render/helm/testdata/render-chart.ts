import { parse } from 'yaml';
import type { BundleFile } from '../../renderer.js';
import { execute, parseTemplate, type RenderContext } from './go-template.js';

export interface InstallOptions {
  release?: string;
  namespace?: string;
  /** Like `--set`: merged over values.yaml. */
  set?: Record<string, unknown>;
  /** What `lookup` finds, as "v1/Secret/NAMESPACE/NAME" → object (an upgrade sees the live Secrets). */
  cluster?: Map<string, Record<string, unknown>>;
}

/**
 * Renders a chart like `helm template` would, with the test interpreter: values.yaml
 * merged with `set`, every template but partials, Helm's "<no value>" removal applied.
 * Returns template path → rendered text.
 */
export function renderChart(files: readonly BundleFile[], options: InstallOptions = {}): Map<string, string> {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const chart = parse(byPath.get('Chart.yaml')!) as { name: string; version: string };
  const values = merge(parse(byPath.get('values.yaml')!, { version: '1.1' }) ?? {}, options.set ?? {});
  const defines = new Map();
  const parsed = new Map<string, ReturnType<typeof parseTemplate>>();
  for (const [path, content] of byPath) if (path.startsWith('templates/')) parsed.set(path, parseTemplate(content, defines));
  const ctx: RenderContext = {
    root: {
      Values: values,
      Release: { Name: options.release ?? 'rel', Namespace: options.namespace ?? 'default', Service: 'Helm' },
      Chart: { Name: chart.name, Version: chart.version },
    },
    defines,
    cluster: options.cluster ?? new Map(),
  };
  const out = new Map<string, string>();
  for (const [path, nodes] of parsed) {
    if (path.split('/').pop()!.startsWith('_')) continue;
    out.set(path, execute(nodes, ctx.root, ctx).replaceAll('<no value>', ''));
  }
  return out;
}

function merge(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
