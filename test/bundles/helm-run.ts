import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { BundleFile } from '../../libs/render/renderer.js';
import { helmBinary } from './helm-binary.js';

type Obj = Record<string, any>;

export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

let home: string | undefined;
let charts: string | undefined;

/** A folder for charts written by this test process, removed at exit. */
export function chartsRoot(): string {
  if (!charts) {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-helm-charts-'));
    charts = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return charts;
}

/** Helm's own folders: a fresh temp dir with no user config, repositories or cluster, removed at exit. */
function helmEnv(): NodeJS.ProcessEnv {
  if (!home) {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-helm-home-'));
    home = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
}

/** Writes a chart's files into a fresh folder under `root` and returns it. */
export function writeChart(files: readonly BundleFile[], root: string, name = 'chart'): string {
  const dir = mkdtempSync(join(root, `${name}-`));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

/** Runs the real helm with no cluster and no user config, so runs are isolated and offline. */
export function runHelm(args: string[]): HelmResult {
  const result = spawnSync(helmBinary(), args, { encoding: 'utf8', env: helmEnv(), maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: for many renders run side by side. */
export function runHelmAsync(args: string[]): Promise<HelmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(helmBinary(), args, { env: helmEnv() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Runs `work` over `items`, at most `limit` at once, keeping the order of the results. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One document of `helm template` output, with the template it came from (`# Source:`). */
export interface RenderedObject {
  source: string;
  object: Obj;
}

/** Parses `helm template` output into its objects, each with its source template; throws on a YAML error. */
export function renderedObjects(stdout: string): RenderedObject[] {
  const out: RenderedObject[] = [];
  for (const doc of parseAllDocuments(stdout, { version: '1.1' })) {
    if (doc.errors.length > 0) throw new Error(`helm template printed YAML that does not parse: ${doc.errors[0]!.message}`);
    const object = doc.toJS() as Obj | null;
    if (!object) continue;
    const source = /^ ?Source: (.*)$/m.exec(doc.commentBefore ?? '')?.[1] ?? '';
    out.push({ source, object });
  }
  return out;
}

/** `KIND/NAME` → object; throws when two objects share a key. */
export function objectsByName(objects: readonly Obj[]): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const object of objects) {
    const key = `${object.kind}/${object.metadata?.name}`;
    if (out.has(key)) throw new Error(`two objects are ${key}`);
    out.set(key, object);
  }
  return out;
}

/** What `helm template` rendered: each template's text as a file (`templates/db/statefulset.yaml`), and the objects by `KIND/NAME`. */
export interface HelmRender {
  files: BundleFile[];
  objects: Map<string, Obj>;
}

/** Splits `helm template` output into one file per template, named by its `# Source:` line less the chart's name. */
export function renderedFiles(stdout: string): BundleFile[] {
  const out: BundleFile[] = [];
  for (const part of stdout.split(/^---\n/m)) {
    const source = /^# Source: [^/]+\/(.*)\n/.exec(part);
    if (source) out.push({ path: source[1]!, content: part.slice(source[0].length) });
  }
  return out;
}

/**
 * Renders a chart with the real `helm template` (release `rel` unless given, extra flags in
 * `args`); throws with Helm's message when it fails. With no cluster, `lookup` finds nothing.
 */
export function helmTemplate(chart: readonly BundleFile[], options: { release?: string; args?: string[] } = {}): HelmRender {
  const dir = writeChart(chart, chartsRoot());
  try {
    const result = runHelm(['template', options.release ?? 'rel', dir, ...(options.args ?? [])]);
    if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
    return { files: renderedFiles(result.stdout), objects: objectsByName(renderedObjects(result.stdout).map((r) => r.object)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One chart of a batch, and the flags for it: `--set` paths must start with `prefix`, the chart's key in the batch. */
export interface BatchChart {
  files: readonly BundleFile[];
  args?: (prefix: string) => string[];
}

const BATCH_NAME = /aisle-batch-([0-9]+)(?![0-9])/g;

/**
 * Renders many charts with one `helm template` run, which costs about what one chart does:
 * each chart becomes a subchart (`aisle-batch-N`) of an empty parent, its values under that
 * key. Each chart's output is given back as if rendered alone: its own name put back where
 * Helm printed the subchart's (labels).
 */
export function helmTemplateMany(charts: readonly BatchChart[], release = 'rel'): HelmRender[] {
  const dir = mkdtempSync(join(chartsRoot(), 'batch-'));
  try {
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: aisle-batch\nversion: 0.1.0\n');
    const names: string[] = [];
    const args: string[] = [];
    charts.forEach((chart, n) => {
      const key = `aisle-batch-${n}`;
      const files = chart.files.map((file) => {
        if (file.path !== 'Chart.yaml') return file;
        names.push(/^name: (.*)$/m.exec(file.content)![1]!);
        return { ...file, content: file.content.replace(/^name: .*$/m, `name: ${key}`) };
      });
      for (const file of files) {
        mkdirSync(dirname(join(dir, 'charts', key, file.path)), { recursive: true });
        writeFileSync(join(dir, 'charts', key, file.path), file.content);
      }
      args.push(...(chart.args?.(key) ?? []));
    });
    const result = runHelm(['template', release, dir, ...args]);
    if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
    const parts: string[][] = charts.map(() => []);
    for (const part of result.stdout.split(/^---\n/m)) {
      const source = /^# Source: aisle-batch\/charts\/aisle-batch-([0-9]+)\//.exec(part);
      if (!source) continue;
      const n = Number(source[1]);
      parts[n]!.push(
        `---\n${part.replace(BATCH_NAME, (token, m: string) => (Number(m) === n ? names[n]! : token)).replace(/^# Source: aisle-batch\/charts\//, '# Source: ')}`,
      );
    }
    return parts.map((docs) => {
      const stdout = docs.join('');
      return { files: renderedFiles(stdout), objects: objectsByName(renderedObjects(stdout).map((r) => r.object)) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
