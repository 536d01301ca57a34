/**
 * A value as a message may show it: text as is, anything else as JSON. Never throws,
 * unlike String(value) on a hostile object whose own `toString` is not a function.
 */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
