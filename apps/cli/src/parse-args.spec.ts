import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type OptionSpec } from './parse-args.js';

const SPECS: OptionSpec[] = [
  { name: 'set', type: 'string', multiple: true, description: '' },
  { name: 'out', type: 'string', description: '' },
  { name: 'force', type: 'boolean', description: '' },
  { name: 'help', type: 'boolean', short: 'h', description: '' },
];

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv, SPECS);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`parsed ${argv.join(' ')}`);
}

describe('parseArgs', () => {
  it('takes --name value, --name=value, repeats, -h, and everything after -- as positionals', () => {
    expect(parseArgs(['a', '--set', 'x=1', '--set=y=2', '--out=o', '-h', '--force', '--', '--out'], SPECS)).toEqual({
      positionals: ['a', '--out'],
      options: { set: ['x=1', 'y=2'], out: 'o', help: true, force: true },
    });
    expect(parseArgs(['--out', '-dash', '--out=--x'], SPECS).options.out).toBe('--x');
  });

  it('refuses unknown options with the closest one, flags with values, and missing values, naming the option', () => {
    expect([usageError(['--froce']).message, usageError(['--froce']).path]).toEqual(['unknown option --froce (did you mean "--force"?)', '--froce']);
    expect(usageError(['-x']).message).toBe('unknown option -x');
    expect(usageError(['--force=yes']).message).toBe('--force takes no value');
    expect(usageError(['--out']).message).toBe('--out needs a value');
    expect(usageError(['--out', '--force']).message).toBe('--out needs a value (write --out=VALUE for a value starting with "--")');
  });
});
