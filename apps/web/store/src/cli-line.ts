// Single quotes keep every character as typed in a POSIX shell; a quote itself is closed, escaped and reopened.
function shellQuote(text: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `aisle get` command that reproduces the form: NAME@VERSION, each value that
 * differs from its default as --set, the target. Secrets are left out: the CLI
 * generates them, or the user adds them by hand.
 */
export function cliLine(
  component: string,
  version: string,
  values: Record<string, string | number | boolean>,
  secrets: ReadonlySet<string>,
  target: string,
): string {
  const sets = Object.entries(values)
    .filter(([name]) => !secrets.has(name))
    .map(([name, value]) => `--set ${shellQuote(`${name}=${String(value)}`)}`);
  return ['aisle get', shellQuote(`${component}@${version}`), ...sets, ...(target === 'compose' ? [] : [`--target ${target}`])].join(' ');
}
