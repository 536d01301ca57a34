import { CatalogIndex, UNCERTIFIED, type ComponentVersion } from '../catalog/index.js';
import { lintManifest } from '../certify/index.js';
import { composeApp } from '../composition/index.js';
import { documentPath, error, prefixPath, type Diagnostic } from '../diagnostics/index.js';
import { checkAppSpec, checkManifest, manifestDigest, parseYaml, type AppSpec, type ComponentManifest } from '../manifest/index.js';
import { toYaml } from '../render/to-yaml.js';
import { buildAppSpec } from './build-app-spec.js';
import { buildDraft } from './build-draft.js';
import { reportMarkdown, sweepSource, type ImportReport } from './build-report.js';
import { checkFormat, detectFormat } from './detect-format.js';
import { importCapRover } from './import-caprover.js';
import { importCompose } from './import-compose.js';
import { importNulecule } from './import-nulecule.js';
import { importOpenShiftTemplate } from './import-openshift-template.js';
import { importPortainer } from './import-portainer.js';
import { FORMAT_TITLES, type ImportedApp, type ImportFormat } from './imported-app.js';
import { planWiring } from './plan-wiring.js';
import { safeName, unique } from './safe-name.js';
import type { Obj } from './source-helpers.js';

/** Files `--out DIR` receives: the drafts under catalog/, the app spec, the report. */
export const APP_FILE = 'app.yaml';
export const REPORT_FILE = 'IMPORT-REPORT.md';

export interface ImportOptions {
  /** Forces a format instead of telling it from the content. */
  format?: ImportFormat;
  /** The source's name in messages. */
  file?: string;
  /** Reads a file the source names (a Compose env_file, a Nulecule artifact) by the path it writes; undefined when it cannot (reported as dropped). */
  files?: (path: string) => string | undefined;
  /** The shipped catalog: a service with a catalog component's image becomes a reference to it. */
  catalog?: CatalogIndex;
}

export interface ImportResult {
  format: ImportFormat;
  app: AppSpec;
  drafts: ComponentManifest[];
  report: ImportReport;
  /** What `--out` writes, sorted by path. */
  files: Array<{ path: string; content: string }>;
}

/**
 * Imports a Compose file, OpenShift Template, CapRover one-click app, Portainer templates
 * file or Nulecule file: draft component manifests, an app spec recomposing them, and a
 * report. Pure: reads nothing but `text` and `options.files`. Bad input comes back as
 * diagnostics (the format tried, the line), and then there is no result.
 */
export function importApp(text: string, options: ImportOptions = {}): { result?: ImportResult; diagnostics: Diagnostic[] } {
  const file = options.file ?? '-';
  const parsed = parseYaml(text, { file });
  if (parsed.diagnostics.length > 0) {
    const tried = options.format ? `as a ${FORMAT_TITLES[options.format]}` : 'as YAML or JSON, which every format aisle import reads is written in';
    return {
      diagnostics: parsed.diagnostics.map((d) => ({ ...d, message: `${d.message} (reading it ${tried})` })),
    };
  }
  const problems = checkFormat(parsed.value, options.format, file);
  if (problems.length > 0) return { diagnostics: problems };
  const format = options.format ?? detectFormat(parsed.value)!;
  const doc = parsed.value as Obj;
  const imported = read(format, doc, options.files ?? (() => undefined));
  // A source that names no app is named after its file (`shop.yaml` → shop).
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '');
  if (imported.name === 'app' && file !== '-' && !/^(docker-)?compose$/.test(base)) imported.name = safeName(base, 'app', 40);
  if (imported.services.length === 0) {
    return {
      diagnostics: [error('IMPORT_INVALID', documentPath(file), 'holds no service with an image: there is nothing to make components of', { file, line: 1 })],
    };
  }
  const plan = planWiring(imported);
  for (const cycle of plan.brokenCycles)
    imported.entries.push({ source: documentPath(file), status: 'dropped', reason: `the dependency ${cycle} closes a cycle and is not kept` });
  const names = new Set<string>(options.catalog?.names() ?? []);
  const drafts = imported.services.map((s) => buildDraft(s, imported, unique(names.has(s.name) ? `${s.name}-app` : s.name, names, 40)));
  const built = buildAppSpec(imported, drafts, plan, options.catalog);
  const manifests = built.drafts.map((d) => d.manifest);

  const diagnostics: Diagnostic[] = [];
  for (const m of manifests) diagnostics.push(...prefixPath(checkManifest(m).diagnostics, `drafts.${m.metadata.name}`));
  diagnostics.push(...prefixPath(checkAppSpec(built.spec).diagnostics, 'app'));
  if (diagnostics.length === 0) {
    const composed = composeApp(built.spec, catalogWithDrafts(options.catalog, manifests));
    diagnostics.push(...prefixPath(composed.diagnostics, 'app.instances'));
  }
  if (diagnostics.length > 0) return { diagnostics: diagnostics.map((d) => ({ ...d, severity: 'error', code: d.code, file })) };

  const entries = [...imported.entries, ...built.drafts.flatMap((d) => d.entries), ...built.entries];
  entries.push(...sweepSource(imported.sweep ?? doc, entries));
  const components: Record<string, string> = {};
  for (const [instance, spec] of Object.entries(built.spec.instances)) {
    const draft = manifests.find((m) => spec.component === `${m.metadata.name}@^1`);
    components[instance] = draft
      ? `draft ${draft.metadata.name}@${draft.metadata.version} (catalog/${draft.metadata.name}/${draft.metadata.version}/component.yaml)`
      : `catalog component ${spec.component}`;
  }
  const report: ImportReport = { format, entries, lint: Object.fromEntries(manifests.map((m) => [m.metadata.name, lintManifest(m)])), components };
  const files = [
    { path: APP_FILE, content: toYaml(built.spec) },
    { path: REPORT_FILE, content: reportMarkdown(report, built.spec.metadata.name, file) },
    ...manifests.map((m) => ({ path: `catalog/${m.metadata.name}/${m.metadata.version}/component.yaml`, content: toYaml(m) })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { result: { format, app: built.spec, drafts: manifests, report, files }, diagnostics: [] };
}

function read(format: ImportFormat, doc: Obj, files: (path: string) => string | undefined): ImportedApp {
  switch (format) {
    case 'compose':
      return importCompose(doc, files);
    case 'openshift':
      return importOpenShiftTemplate(doc);
    case 'caprover':
      return importCapRover(doc);
    case 'portainer':
      return importPortainer(doc);
    case 'nulecule':
      return importNulecule(doc, files);
  }
}

/** A catalog holding `catalog`'s versions and the drafts (uncertified), so an import's app spec composes. */
export function catalogWithDrafts(catalog: CatalogIndex | undefined, drafts: readonly ComponentManifest[]): CatalogIndex {
  const index = new CatalogIndex();
  for (const name of catalog?.names() ?? []) for (const v of catalog!.versions(name)) index.add(v);
  for (const manifest of drafts) {
    const version: ComponentVersion = {
      name: manifest.metadata.name,
      version: manifest.metadata.version,
      digest: manifestDigest(manifest),
      manifest,
      source: `catalog/${manifest.metadata.name}/${manifest.metadata.version}/component.yaml`,
      certification: UNCERTIFIED,
    };
    index.add(version);
  }
  return index;
}
