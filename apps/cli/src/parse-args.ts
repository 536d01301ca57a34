import { parseArgs as nodeParseArgs } from 'node:util';
import { didYouMean } from '../../../libs/diagnostics/index.js';

/** A declared option: boolean flags take no value; `multiple` options collect repeats. */
export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  multiple?: boolean;
  /** One letter, for `-h`-style use. */
  short?: string;
  description: string;
  valueName?: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

/**
 * Wrong use of the command line (exit 2). `path` says where: the option (`--out`) or the
 * argument (`NAME[@RANGE]`) at fault; empty when the whole command line is.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}

/**
 * Parses with Node's `util.parseArgs`, then holds the result to our rules: an unknown
 * option is a usage error (with the closest known one), `--name=value` and `--name value`
 * both work, a flag takes no value, and a value that looks like an option
 * (`--out --json`) must be written `--out=--json`.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const config = Object.fromEntries(specs.map((s) => [s.name, { type: s.type, multiple: s.multiple === true, ...(s.short ? { short: s.short } : {}) }]));
  // Not strict: Node's own messages for mistakes are generic; ours name the option and the fix.
  const { tokens } = nodeParseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = byName.get(token.name);
    if (!spec) {
      const long = specs.map((s) => `--${s.name}`);
      throw new UsageError(`unknown option ${token.rawName}${didYouMean(`--${token.name}`, long)}`, token.rawName);
    }
    const shown = `--${spec.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${shown} takes no value`, shown);
      options[spec.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--'))) {
      // The value is never echoed: it may be a password.
      throw new UsageError(`${shown} needs a value${value === undefined ? '' : ` (write ${shown}=VALUE for a value starting with "--")`}`, shown);
    }
    if (spec.multiple) options[spec.name] = [...((options[spec.name] as string[] | undefined) ?? []), value];
    else options[spec.name] = value;
  }
  return { positionals, options };
}
