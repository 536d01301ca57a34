/**
 * Reading a manifest that may not have the shape the schema requires. Lint rules also run
 * on manifests nobody validated (a caller may hand them one), so each accessor answers
 * "absent" for a value of the wrong shape instead of letting a rule throw.
 */

/** The value when it is a mapping (not an array, not null). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The value when it is a list, else an empty one. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The entries of a mapping, else none. */
export function entriesOf(value: unknown): Array<[string, unknown]> {
  const record = asRecord(value);
  return record ? Object.entries(record) : [];
}

/** A mapping's own field: `toString` or `constructor` are not fields unless the manifest declares them. */
export function own(record: unknown, key: string): unknown {
  const r = asRecord(record);
  return r && Object.hasOwn(r, key) ? r[key] : undefined;
}
