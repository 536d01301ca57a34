import type { OptionSpec } from './parse-args.js';

/** `--database-url`, shared by the commands that reach the service's database (`serve`, `token`). */
export const DATABASE_URL_OPTION: OptionSpec = {
  name: 'database-url',
  type: 'string',
  valueName: 'URL',
  description: 'postgres://… or a SQLite file (default: $DATABASE_URL, else ./data/aisle.sqlite)',
};
