import type { CatalogIndex } from '../../../libs/catalog/index.js';
import type { Diagnostic } from '../../../libs/diagnostics/index.js';
import type { ExitCode } from './exit-code.js';
import type { OptionSpec, ParsedArgs } from './parse-args.js';
import type { CatalogSource } from './registry/catalog-source.js';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** All of standard input as text (`aisle login --with-token`); absent where there is none. */
  stdin?(): Promise<string>;
}

export interface CommandContext {
  io: Io;
  args: ParsedArgs;
  json: boolean;
  /** The catalog (`--catalog DIR`, else $AISLE_CATALOG, else the shipped one), loaded on first use. */
  catalog(): CatalogIndex;
  /** Where catalog commands find components: an Aisle service (`--registry`, $AISLE_REGISTRY) or the catalog above. */
  catalogSource(): CatalogSource;
  /** Prints diagnostics (text or JSON) and returns the exit code they call for. */
  report(diagnostics: readonly Diagnostic[], result?: unknown): ExitCode;
}

/** One `aisle` sub-command. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec[];
  run(ctx: CommandContext): Promise<ExitCode> | ExitCode;
}
