import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CERTIFICATION_FILE, MANIFEST_FILE } from '../../../../libs/catalog/index.js';
import { error } from '../../../../libs/diagnostics/index.js';
import { importApp, IMPORT_FORMATS, type ImportFormat, type ImportResult } from '../../../../libs/import/index.js';
import { MAX_DOCUMENT_BYTES } from '../../../../libs/manifest/index.js';
import type { Command, CommandContext } from '../command.js';
import { BUNDLE_OPTIONS } from '../bundle-options.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { writeBundle } from '../write-bundle.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'turn a Compose file, OpenShift Template, CapRover or Portainer app, or Nulecule file into draft components, an app spec and a report',
  usage: 'aisle import FILE|- [--format F] [--out DIR] [--force]',
  options: [
    { name: 'format', type: 'string', valueName: 'F', description: `read the source as ${IMPORT_FORMATS.join(', ')} (default: told from the content)` },
    // The same --out and --force as compose: here DIR receives app.yaml, catalog/NAME/VERSION/component.yaml and IMPORT-REPORT.md.
    ...BUNDLE_OPTIONS.filter((o) => o.name === 'out' || o.name === 'force'),
  ],
  async run(ctx) {
    const [file, ...extra] = ctx.args.positionals;
    if (!file || extra.length > 0) throw new UsageError('expects exactly one FILE, or - for standard input', 'FILE');
    const format = ctx.args.options.format as string | undefined;
    if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, got "${format}"`, '--format');
    const source = await readSource(ctx, file);
    if ('diagnostics' in source) return ctx.report(source.diagnostics);
    const folder = file === '-' ? ctx.io.cwd : dirname(resolve(ctx.io.cwd, file));
    const { result, diagnostics } = importApp(source.text, {
      file: source.shown,
      catalog: ctx.catalog(),
      ...(format ? { format: format as ImportFormat } : {}),
      files: (path) => readBeside(folder, path),
    });
    if (!result) return ctx.report(diagnostics);
    const out = ctx.args.options.out;
    const written = typeof out === 'string' ? write(ctx, result, out) : undefined;
    const counts = { mapped: 0, dropped: 0, renamed: 0 };
    for (const e of result.report.entries) counts[e.status]++;
    const findings = Object.values(result.report.lint).reduce((n, l) => n + l.length, 0);
    if (ctx.json)
      return ctx.report([], { format: result.format, app: result.app, drafts: result.drafts, report: result.report, ...(written ? { out: written } : {}) });
    printDiagnostics(ctx.io, diagnostics);
    ctx.io.out(`${source.shown}: read as ${result.format}; app ${result.app.metadata.name}\n`);
    for (const [instance, what] of Object.entries(result.report.components)) ctx.io.out(`  ${instance}: ${what}\n`);
    ctx.io.out(
      `${counts.mapped} keys mapped, ${counts.renamed} renamed, ${counts.dropped} dropped; ${findings} lint finding${findings === 1 ? '' : 's'} on the drafts\n`,
    );
    if (written)
      ctx.io.out(`wrote ${written}/ (app.yaml, IMPORT-REPORT.md, catalog/); compose it with: aisle compose ${written}/app.yaml --catalog ${written}/catalog\n`);
    else ctx.io.out('nothing written: add --out DIR to write the drafts, the app spec and the report\n');
    return ExitCode.Ok;
  },
};

async function readSource(ctx: CommandContext, file: string): Promise<{ text: string; shown: string } | { diagnostics: ReturnType<typeof error>[] }> {
  if (file === '-') {
    if (!ctx.io.stdin) throw new UsageError('- reads standard input, and there is none here', 'FILE');
    return { text: await ctx.io.stdin(), shown: '-' };
  }
  const path = resolve(ctx.io.cwd, file);
  const shown = relative(ctx.io.cwd, path) || path;
  try {
    if (statSync(path).size > MAX_DOCUMENT_BYTES)
      return { diagnostics: [error('YAML_TOO_LARGE', shown, `is larger than ${MAX_DOCUMENT_BYTES} bytes`, { file: shown })] };
    return { text: readFileSync(path, 'utf8'), shown };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { diagnostics: [error('FILE_UNREADABLE', shown, `cannot read: ${reason}`, { file: shown })] };
  }
}

/** A file the source names (env_file, a Nulecule artifact), read beside it; bounded like the source. */
function readBeside(folder: string, path: string): string | undefined {
  const full = resolve(folder, path.replace(/^file:\/\//, ''));
  try {
    if (!statSync(full).isFile() || statSync(full).size > MAX_DOCUMENT_BYTES) return undefined;
    return readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes the import into `out`: the drafts under catalog/, with a copy of each shipped
 * catalog version the app refers to (byte for byte, its certification still verifying),
 * so `aisle compose OUT/app.yaml --catalog OUT/catalog` finds every component.
 */
function write(ctx: CommandContext, result: ImportResult, out: string): string {
  const dir = resolve(ctx.io.cwd, out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder`, '--out');
  const files = [...result.files];
  const catalog = ctx.catalog();
  for (const instance of Object.values(result.app.instances)) {
    if (result.drafts.some((d) => instance.component === `${d.metadata.name}@^1`)) continue;
    const version = catalog.resolve(instance.component).version;
    if (!version) continue;
    const folder = dirname(resolve(ctx.io.cwd, version.source));
    for (const name of [MANIFEST_FILE, CERTIFICATION_FILE, 'NOTES.md']) {
      const path = join(folder, name);
      if (existsSync(path)) files.push({ path: `catalog/${version.name}/${version.version}/${name}`, content: readFileSync(path, 'utf8') });
    }
  }
  const taken = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (taken.length > 0 && ctx.args.options.force !== true)
    throw new UsageError(`--out ${out} already holds ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? ', …' : ''}; use --force to replace them`, '--out');
  writeBundle(dir, { files, remove: [] });
  return relative(ctx.io.cwd, dir) || '.';
}
