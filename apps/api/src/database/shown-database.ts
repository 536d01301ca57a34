import { isAbsolute, relative } from 'node:path';
import { isPostgresUrl } from './database-options.js';

/**
 * A database as people are shown it: a SQLite file relative to `cwd` when inside it, a
 * PostgreSQL URL without its password (nor a `password` parameter).
 */
export function shownDatabase(url: string, cwd: string): string {
  if (!isPostgresUrl(url)) {
    const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
    const inside = relative(cwd, file);
    return inside && !inside.startsWith('..') && !isAbsolute(inside) ? `./${inside}` : file;
  }
  try {
    const parsed = new URL(url);
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) if (key.toLowerCase() === 'password') parsed.searchParams.delete(key);
    return parsed.toString();
  } catch {
    // Not a URL Node can parse: show only its scheme rather than risk a password.
    return `${url.slice(0, url.indexOf('://') + 3)}…`;
  }
}
