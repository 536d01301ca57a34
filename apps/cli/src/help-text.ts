import type { Command } from './command.js';
import type { OptionSpec } from './parse-args.js';

/** The options every command takes. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'json', type: 'boolean', description: 'machine-readable output on stdout, usage errors included' },
  { name: 'catalog', type: 'string', valueName: 'DIR', description: 'catalog folder (default: $AISLE_CATALOG, else the shipped catalog/)' },
  { name: 'help', type: 'boolean', short: 'h', description: 'show this help' },
];

const EXIT_CODES = 'exit codes: 0 done, 1 invalid input (each problem with its path), 2 usage error, 3 a bug in aisle';

/** `aisle --help`: every command with its summary. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'aisle: a hardware store for containers',
    '',
    'usage: aisle COMMAND [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options:',
    ...optionLines([...GLOBAL_OPTIONS, { name: 'version', type: 'boolean', description: 'print the version' }]),
    '',
    'run aisle COMMAND --help for its options',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** `aisle COMMAND --help`: usage, summary, the command's own options, then the global ones. */
export function commandHelp(command: Command): string {
  return [
    `usage: ${command.usage}`,
    '',
    command.summary,
    '',
    ...(command.options.length > 0 ? ['options:', ...optionLines(command.options), ''] : []),
    'global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** `--out DIR`, as help and the README write an option. */
export function optionLabel(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
}

function optionLines(options: readonly OptionSpec[]): string[] {
  const width = Math.max(...options.map((o) => optionLabel(o).length));
  return options.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.description}${o.multiple ? ' (repeatable)' : ''}`);
}
