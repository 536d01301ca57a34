import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  KIT_FILE,
  loadCatalog,
  MANIFEST_FILE,
  shippedCatalogDir,
  type CatalogIndex,
  type CertificationVerifier,
  type ComponentVersion,
  type KitVersion,
} from '../../../libs/catalog/index.js';
import { error, type Diagnostic } from '../../../libs/diagnostics/index.js';
import { parseYaml } from '../../../libs/manifest/index.js';
import type { CommandContext } from './command.js';
import { UsageError } from './parse-args.js';

/** What a `lint`/`certify`/`verify` argument names: a whole catalog, one component, or one version. */
export interface CatalogTarget {
  /** The catalog folder to load (the target's catalog, even when it names one version). */
  catalogDir: string;
  /** The folder the argument named. */
  dir: string;
  kind: 'catalog' | 'component' | 'version';
  name?: string;
  version?: string;
}

export interface LoadedTarget {
  target: CatalogTarget;
  /** The versions the argument names, oldest first per component. */
  versions: ComponentVersion[];
  /** The kit versions the argument names, oldest first per kit. */
  kits: KitVersion[];
  /** The whole loaded catalog: a kit is checked against the components it picks. */
  index: CatalogIndex;
  /** Every loaded version of each named component: the cross-version checks need them all. */
  allVersions(name: string): readonly ComponentVersion[];
  /** Load problems within the target. */
  diagnostics: Diagnostic[];
}

/**
 * Works out what a path names: `catalog/`, `catalog/postgresql`, `catalog/postgresql/16.10.0`
 * or its `component.yaml`. Undefined when the path does not exist.
 */
export function catalogTarget(cwd: string, arg: string | undefined): CatalogTarget | undefined {
  let dir = arg === undefined ? shippedCatalogDir() : resolve(cwd, arg);
  if (!existsSync(dir)) return undefined;
  if (statSync(dir).isFile()) {
    if (basename(dir) !== MANIFEST_FILE && basename(dir) !== KIT_FILE) return undefined;
    dir = dirname(dir);
  }
  const isVersion = (d: string) => existsSync(join(d, MANIFEST_FILE)) || existsSync(join(d, KIT_FILE));
  if (isVersion(dir)) {
    return { catalogDir: dirname(dirname(dir)), dir, kind: 'version', name: basename(dirname(dir)), version: basename(dir) };
  }
  const hasVersions = readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory() && isVersion(join(dir, e.name)));
  if (hasVersions) return { catalogDir: dirname(dir), dir, kind: 'component', name: basename(dir) };
  return { catalogDir: dir, dir, kind: 'catalog' };
}

/**
 * The folder a `lint`/`verify` invocation names: its DIR argument, else the catalog the
 * other commands read (--catalog, $AISLE_CATALOG, else the shipped one).
 */
export function commandCatalogTarget(ctx: CommandContext): CatalogTarget {
  const [dir, ...extra] = ctx.args.positionals;
  if (extra.length > 0) throw new UsageError('expects at most one DIR', 'DIR');
  const arg = dir ?? (ctx.args.options.catalog as string | undefined) ?? ctx.io.env.AISLE_CATALOG;
  const target = catalogTarget(ctx.io.cwd, arg);
  if (!target) throw new UsageError(`${arg} is not a catalog, component or version folder`, 'DIR');
  return target;
}

/** Loads the target's catalog and keeps what the target names; problems elsewhere in the catalog are left out. */
export function loadTarget(target: CatalogTarget, cwd: string, verify?: CertificationVerifier): LoadedTarget {
  const loaded = loadCatalog(target.catalogDir, { verify, relativeTo: cwd });
  const shownDir = relative(cwd, target.dir) || '.';
  const inside = (file: string | undefined) =>
    target.kind === 'catalog' || (file !== undefined && (shownDir === '.' || file === shownDir || file.startsWith(`${shownDir}${sep}`)));
  const names = target.name ? [target.name] : loaded.index.names();
  const versions = names.flatMap((n) => [...loaded.index.versions(n)].reverse()).filter((v) => inside(v.source));
  const kitNames = target.name ? [target.name] : loaded.index.kitNames();
  const kits = kitNames.flatMap((n) => [...loaded.index.kitVersions(n)].reverse()).filter((v) => inside(v.source));
  // Without a verifier every record reads as unchecked; that is not a problem with the manifests.
  const diagnostics = loaded.diagnostics.filter((d) => inside(d.file) && (verify !== undefined || d.code !== 'CERTIFICATION_INVALID'));
  if (target.kind === 'version' && versions.length === 0 && kits.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(error('FILE_UNREADABLE', shownDir, `no loadable ${MANIFEST_FILE} in ${shownDir}`, { file: shownDir }));
  }
  return { target, versions, kits, index: loaded.index, diagnostics, allVersions: (n) => [...loaded.index.versions(n)].reverse() };
}

/** Adds line and column to diagnostics about manifests, read from the files they name. */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], cwd: string): Diagnostic[] {
  const locators = new Map<string, ReturnType<typeof parseYaml>['locate'] | undefined>();
  return diagnostics.map((d) => {
    if (d.file === undefined || d.line !== undefined || !d.path || !(d.file.endsWith(MANIFEST_FILE) || d.file.endsWith(KIT_FILE))) return d;
    if (!locators.has(d.file)) {
      try {
        locators.set(d.file, parseYaml(readFileSync(resolve(cwd, d.file), 'utf8')).locate);
      } catch {
        locators.set(d.file, undefined);
      }
    }
    const position = locators.get(d.file)?.(d.path.split('.'));
    return position ? { ...d, line: position.line, column: position.column } : d;
  });
}
