import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findProjectRoot, loadCatalog, shippedCatalogDir, type CatalogIndex } from '../../../libs/catalog/index.js';
import { formatDiagnostic, type Diagnostic } from '../../../libs/diagnostics/index.js';
import type { Command, CommandContext, Io } from './command.js';
import { COMMANDS } from './commands/index.js';
import { catalogVerifier } from './catalog-verifier.js';
import { ExitCode, exitCodeFor } from './exit-code.js';
import { parseArgs, UsageError, type OptionSpec } from './parse-args.js';
import { localCatalogSource } from './registry/catalog-source.js';
import { RegistryError } from './registry/registry-error.js';
import { registryConnection } from './registry/registry-option.js';
import { remoteCatalogSource } from './registry/remote-catalog.js';

const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'json', type: 'boolean', description: 'machine-readable output' },
  { name: 'catalog', type: 'string', valueName: 'DIR', description: 'catalog folder (default: $AISLE_CATALOG or the shipped catalog/)' },
  { name: 'help', type: 'boolean', description: 'show help' },
];

/** Runs one `aisle` invocation and returns its exit code; never throws for bad input. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version') {
    io.out(`${JSON.parse(readFileSync(join(findProjectRoot(), 'package.json'), 'utf8')).version}\n`);
    return ExitCode.Ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`aisle: unknown command "${name}"; run aisle --help\n`);
    return ExitCode.Usage;
  }
  let ctx: CommandContext;
  try {
    const args = parseArgs(rest, [...command.options, ...GLOBAL_OPTIONS]);
    if (args.options.help) {
      io.out(commandHelp(command));
      return ExitCode.Ok;
    }
    ctx = context(io, args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`aisle ${command.name}: ${e.message}\nusage: ${command.usage}\n`);
      return ExitCode.Usage;
    }
    throw e;
  }
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`aisle ${command.name}: ${e.message}\nusage: ${command.usage}\n`);
      return ExitCode.Usage;
    }
    // An Aisle service could not answer or refused: its problems, shown as the CLI's own.
    if (e instanceof RegistryError) return ctx.report(e.diagnostics);
    // A bug or an I/O failure: one line, no stack trace unless asked for.
    io.err(`aisle ${command.name}: ${(e as Error).message}\n`);
    if (io.env.AISLE_DEBUG) io.err(`${(e as Error).stack}\n`);
    return ExitCode.Internal;
  }
}

function context(io: Io, args: CommandContext['args']): CommandContext {
  const json = args.options.json === true;
  let catalog: CatalogIndex | undefined;
  const report = (diagnostics: readonly Diagnostic[], result?: unknown) => {
    const code = exitCodeFor(diagnostics);
    if (json) {
      io.out(`${JSON.stringify({ ok: code === ExitCode.Ok, ...(result === undefined ? {} : { result }), diagnostics }, null, 2)}\n`);
    } else {
      for (const d of diagnostics) io.err(`${d.severity === 'error' ? 'error: ' : ''}${formatDiagnostic(d)}\n`);
    }
    return code;
  };
  const ctx: CommandContext = {
    io,
    args,
    json,
    report,
    catalog() {
      if (!catalog) {
        const option = args.options.catalog as string | undefined;
        const dir = option ? resolve(io.cwd, option) : io.env.AISLE_CATALOG ? resolve(io.cwd, io.env.AISLE_CATALOG) : shippedCatalogDir();
        const loaded = loadCatalog(dir, { verify: catalogVerifier(io.env), relativeTo: io.cwd });
        // Problems in other manifests must not drown the answer: show them only as warnings on stderr.
        if (!json) for (const d of loaded.diagnostics) io.err(`warning: ${formatDiagnostic(d)}\n`);
        catalog = loaded.index;
      }
      return catalog;
    },
    catalogSource() {
      const connection = registryConnection(args, io.env);
      return connection ? remoteCatalogSource(connection) : localCatalogSource(() => ctx.catalog());
    },
  };
  return ctx;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'aisle: a hardware store for containers',
    '',
    'usage: aisle COMMAND [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options: --json, --catalog DIR, --help. Exit codes: 0 done, 1 invalid input, 2 usage error.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = [...command.options, ...GLOBAL_OPTIONS];
  const label = (o: OptionSpec) => `--${o.name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
  const width = Math.max(...options.map((o) => label(o).length));
  return [`usage: ${command.usage}`, '', command.summary, '', 'options:', ...options.map((o) => `  ${label(o).padEnd(width)}  ${o.description}${o.multiple ? ' (repeatable)' : ''}`), ''].join('\n');
}
