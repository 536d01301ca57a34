import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findProjectRoot, loadCatalog, shippedCatalogDir, type CatalogIndex } from '../../../libs/catalog/index.js';
import { didYouMean, error, type Diagnostic } from '../../../libs/diagnostics/index.js';
import type { Command, CommandContext, Io } from './command.js';
import { COMMAND_NAMES, loadCommand, loadCommands } from './commands/index.js';
import { catalogVerifier } from './catalog-verifier.js';
import { ExitCode, exitCodeFor } from './exit-code.js';
import { commandHelp, GLOBAL_OPTIONS, overview } from './help-text.js';
import { parseArgs, UsageError } from './parse-args.js';
import { printDiagnostics } from './print-diagnostics.js';
import { localCatalogSource } from './registry/catalog-source.js';
import { RegistryError } from './registry/registry-error.js';
import { registryConnection } from './registry/registry-option.js';
import { remoteCatalogSource } from './registry/remote-catalog.js';

/** Runs one `aisle` invocation and returns its exit code; never throws for bad input. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = commandFirst(argv);
  // Known before parsing, so that even a usage error answers in JSON.
  const json = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : undefined).includes('--json');
  const asked = name === 'help' && rest[0] !== undefined ? await loadCommand(rest[0]) : undefined;
  if (asked) {
    io.out(commandHelp(asked));
    return ExitCode.Ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview(await loadCommands()));
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version') {
    const version = JSON.parse(readFileSync(join(findProjectRoot(), 'package.json'), 'utf8')).version as string;
    io.out(json ? `${JSON.stringify({ ok: true, result: { version }, diagnostics: [] }, null, 2)}\n` : `${version}\n`);
    return ExitCode.Ok;
  }
  const command = await loadCommand(name);
  if (!command) {
    const known = [...COMMAND_NAMES];
    const message = name.startsWith('-')
      ? `a command comes first, before ${name}; run aisle --help`
      : `unknown command "${name}"${didYouMean(name, known)}; run aisle --help`;
    return usageFailure(io, json, undefined, new UsageError(message, name));
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
    if (e instanceof UsageError) return usageFailure(io, json, command, e);
    throw e;
  }
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, json, command, e);
    // An Aisle service could not answer or refused: its problems, shown as the CLI's own.
    if (e instanceof RegistryError) return ctx.report(e.diagnostics);
    const system = e as NodeJS.ErrnoException;
    // The disk or the system said no (a folder not writable, a disk full): the user's to fix, not a bug.
    if (typeof system.code === 'string' && typeof system.syscall === 'string') {
      const file = system.path ? relative(io.cwd, system.path) || '.' : undefined;
      return ctx.report([error('IO_FAILED', file ?? command.name, `cannot ${system.syscall}: ${system.code}`, file === undefined ? {} : { file })]);
    }
    io.err(
      `aisle ${command.name}: internal error: ${(e as Error).message}\nThis is a bug in aisle: please report it with the command you ran (AISLE_DEBUG=1 prints where it happened).\n`,
    );
    if (io.env.AISLE_DEBUG) io.err(`${(e as Error).stack}\n`);
    return ExitCode.Internal;
  }
}

/** A usage error: in JSON a USAGE diagnostic on stdout, else the message and the usage line on stderr; exit 2. */
function usageFailure(io: Io, json: boolean, command: Command | undefined, e: UsageError): ExitCode {
  const who = command ? `aisle ${command.name}` : 'aisle';
  if (json) {
    const diagnostics: Diagnostic[] = [error('USAGE', e.path || who, e.message)];
    io.out(`${JSON.stringify({ ok: false, diagnostics }, null, 2)}\n`);
  } else {
    io.err(`${who}: ${e.message}\n${command ? `usage: ${command.usage}\n` : ''}`);
  }
  return ExitCode.Usage;
}

function context(io: Io, args: CommandContext['args']): CommandContext {
  const json = args.options.json === true;
  let catalog: CatalogIndex | undefined;
  const report = (diagnostics: readonly Diagnostic[], result?: unknown) => {
    const code = exitCodeFor(diagnostics);
    if (json) io.out(`${JSON.stringify({ ok: code === ExitCode.Ok, ...(result === undefined ? {} : { result }), diagnostics }, null, 2)}\n`);
    else printDiagnostics(io, diagnostics);
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
        // Problems in other manifests must not drown the answer: shown as warnings on stderr, never as errors.
        if (!json)
          printDiagnostics(
            io,
            loaded.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })),
          );
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

/**
 * `aisle --json aisles` as `aisle aisles --json`: global options (--json, --catalog DIR) may come
 * before the command, as kubectl's and gh's do; anything else there is left for the usage error.
 */
function commandFirst(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    const spec = GLOBAL_OPTIONS.find((o) => o.name !== 'help' && (arg === `--${o.name}` || arg.startsWith(`--${o.name}=`)));
    if (!spec) break;
    const takesNext = spec.type === 'string' && !arg.includes('=');
    if (takesNext && i + 1 >= argv.length) break;
    leading.push(...argv.slice(i, takesNext ? i + 2 : i + 1));
    i += takesNext ? 2 : 1;
  }
  if (leading.length === 0 || i >= argv.length) return [...argv];
  return [argv[i]!, ...leading, ...argv.slice(i + 1)];
}
