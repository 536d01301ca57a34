import { UsageError } from './parse-args.js';

// As an app spec's input names (schemas/app.schema.json).
const INPUT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Splits one `--set KEY=VALUE` at its first `=`. A malformed one is a usage error that
 * names its position, never its text: the value may be a password.
 */
export function parseSetAssignment(assignment: string, index: number): { key: string; value: string } {
  const which = `the ${ordinal(index + 1)} --set`;
  const eq = assignment.indexOf('=');
  if (eq < 0) throw new UsageError(`${which} has no "=": write --set KEY=VALUE`, '--set');
  if (eq === 0) throw new UsageError(`${which} has no input name before "="`, '--set');
  const key = assignment.slice(0, eq);
  // A key that cannot be an input name may be a value typed in the wrong place: not echoed either.
  if (!INPUT_NAME.test(key)) throw new UsageError(`${which} names no input: an input name is 1 to 64 letters, digits, "_" and "-"`, '--set');
  return { key, value: assignment.slice(eq + 1) };
}

/** 1 → `1st`, 2 → `2nd`, 11 → `11th`, 23 → `23rd`. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
