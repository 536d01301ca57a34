import semver from 'semver';
import type { VersionEntry, VersionsFinding, VersionsRule } from '../lint-rule.js';
import { asList, asRecord, entriesOf, own } from '../shape-guards.js';

/**
 * Complements input-contract-semver across majors: a version whose `upgrade` block accepts
 * an earlier version must say where each of that version's inputs goes. An input it no
 * longer has needs a `rename` or a `drop`; an enum value it no longer takes needs a `map`;
 * a new required input without a default needs a `set`. Otherwise `aisle upgrade` would
 * meet values it cannot place, and Helm-style silent loss is what this project refuses.
 */
export const upgradeMigrationsDeclared: VersionsRule = {
  name: 'upgrade-migrations-declared',
  description: 'a version that upgrades in place from earlier ones declares a migration for every input it removes, renames or narrows',
  check(versions) {
    const valid = versions.filter((v) => typeof v.manifest?.metadata?.version === 'string' && semver.valid(v.manifest.metadata.version) !== null);
    const findings: VersionsFinding[] = [];
    for (const newer of valid) {
      const from = newer.manifest.upgrade?.from;
      if (typeof from !== 'string' || semver.validRange(from) === null) continue;
      for (const older of valid) {
        const was = older.manifest.metadata.version;
        if (!semver.satisfies(was, from, { includePrerelease: true }) || !semver.lt(was, newer.manifest.metadata.version)) continue;
        for (const f of undeclared(older, newer)) findings.push({ ...f, version: newer });
      }
    }
    return findings;
  },
};

function undeclared(older: VersionEntry, newer: VersionEntry): Array<{ path: string; message: string }> {
  const was = older.manifest.metadata.version;
  const migrations = asList(newer.manifest.upgrade?.migrations)
    .map((m) => asRecord(m))
    .filter(
      (m): m is Record<string, unknown> =>
        m !== undefined && (typeof m.from !== 'string' || semver.validRange(m.from) === null || semver.satisfies(was, m.from)),
    );
  const named = (op: string, key = 'input') => migrations.map((m) => own(asRecord(m[op]), key)).filter((v): v is string => typeof v === 'string');
  const renamedOrDropped = new Set([...named('rename'), ...named('drop')]);
  const set = new Set(named('set'));
  const mapped = (input: string, value: unknown) =>
    migrations.some((m) => own(asRecord(m.map), 'input') === input && own(asRecord(own(asRecord(m.map), 'values')), String(value)) !== undefined);
  const renamedTo = new Map<string, string>();
  for (const m of migrations) {
    const r = asRecord(m.rename);
    if (typeof r?.input === 'string' && typeof r.to === 'string') renamedTo.set(r.to, r.input);
  }
  const oldInputs = asRecord(older.manifest.spec?.inputs);
  const newInputs = asRecord(newer.manifest.spec?.inputs);
  const out: Array<{ path: string; message: string }> = [];
  for (const [name] of entriesOf(oldInputs?.properties)) {
    if (own(newInputs?.properties, name) === undefined && !renamedOrDropped.has(name))
      out.push({ path: 'upgrade.migrations', message: `removes the input "${name}" of ${was} without a migration: declare a rename or a drop` });
  }
  for (const [name, property] of entriesOf(newInputs?.properties)) {
    const before = asRecord(own(oldInputs?.properties, renamedTo.get(name) ?? name));
    const after = asRecord(property);
    if (!after) continue;
    if (!before) {
      const required = asList(newInputs?.required).includes(name);
      if (required && after.default === undefined && after['x-aisle-generate'] === undefined && !set.has(name))
        out.push({
          path: `spec.inputs.properties.${name}`,
          message: `is a new required input since ${was}: declare a set migration (a value, or a template over the earlier inputs)`,
        });
      continue;
    }
    if (after.enum === undefined) continue;
    const kept = asList(after.enum);
    const lost = before.enum === undefined ? [] : asList(before.enum).filter((v) => !kept.includes(v) && !mapped(name, v));
    if (lost.length > 0)
      out.push({
        path: `spec.inputs.properties.${name}.enum`,
        message: `no longer takes ${lost.map((v) => JSON.stringify(v)).join(', ')}, which ${was} took: declare a map migration for ${lost.length === 1 ? 'it' : 'them'}`,
      });
  }
  return out;
}
