import semver from 'semver';
import { shownValue } from '../../diagnostics/index.js';
import type { VersionEntry, VersionsFinding, VersionsRule } from '../lint-rule.js';
import { asList, asRecord, entriesOf, own } from '../shape-guards.js';

type Narrowing = { path: string; message: string; severity?: 'warning' };

/**
 * Across the versions of one component, the input contract follows semver: within a
 * major version an app spec that worked keeps working. A new required input, a removed
 * input, a narrowed type, enum, range, length, pattern or format, or a secret that is
 * no longer generated, each needs a new major version.
 */
export const inputContractSemver: VersionsRule = {
  name: 'input-contract-semver',
  description: 'within a major version, no input is removed, newly required or narrowed',
  check(versions) {
    const valid = versions.filter((v) => typeof v.manifest?.metadata?.version === 'string' && semver.valid(v.manifest.metadata.version) !== null);
    const sorted = [...valid].sort((a, b) => semver.compare(a.manifest.metadata.version, b.manifest.metadata.version));
    const findings: VersionsFinding[] = [];
    for (let i = 1; i < sorted.length; i++) {
      const newer = sorted[i]!;
      // A deprecated version is withdrawn: a range resolves past it to its fix, so the
      // contract a major version keeps is that of its newest live predecessor. A fix may
      // thus refuse values the withdrawn version took but never handled (issue 13).
      const major = semver.major(newer.manifest.metadata.version);
      const older = sorted
        .slice(0, i)
        .reverse()
        .find((v) => !v.deprecated && semver.major(v.manifest.metadata.version) === major);
      if (!older) continue;
      for (const n of compareContracts(older, newer)) findings.push({ ...n, version: newer });
    }
    return findings;
  },
};

function compareContracts(older: VersionEntry, newer: VersionEntry): Narrowing[] {
  const was = older.manifest.metadata.version;
  const next = `${semver.major(newer.manifest.metadata.version) + 1}.0.0`;
  const breaks = (what: string) => `${what} since ${was}; that breaks existing app specs and needs a new major version (${next})`;
  const oldInputs = asRecord(older.manifest.spec?.inputs);
  const newInputs = asRecord(newer.manifest.spec?.inputs);
  const oldRequired = new Set(asList(oldInputs?.required));
  const out: Narrowing[] = [];
  for (const [name] of entriesOf(oldInputs?.properties)) {
    if (own(newInputs?.properties, name) === undefined) out.push({ path: 'spec.inputs.properties', message: breaks(`removes the input "${name}"`) });
  }
  asList(newInputs?.required).forEach((name, i) => {
    if (!oldRequired.has(name)) out.push({ path: `spec.inputs.required.${i}`, message: breaks(`requires "${shownValue(name)}", which was not required`) });
  });
  for (const [name, property] of entriesOf(newInputs?.properties)) {
    const before = asRecord(own(oldInputs?.properties, name));
    const after = asRecord(property);
    if (before && after)
      out.push(...narrowings(`spec.inputs.properties.${name}`, before, after).map((n) => ({ ...n, message: n.severity ? n.message : breaks(n.message) })));
  }
  return out;
}

/** How `after` accepts fewer values than `before`, one entry per narrowed keyword. */
function narrowings(base: string, before: Record<string, unknown>, after: Record<string, unknown>): Narrowing[] {
  const out: Narrowing[] = [];
  const at = (keyword: string, message: string) => out.push({ path: `${base}.${keyword}`, message });
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  if (before.type !== after.type && !(before.type === 'integer' && after.type === 'number'))
    at('type', `narrows the type from ${shownValue(before.type)} to ${shownValue(after.type)}`);
  if (after.enum !== undefined) {
    const kept = asList(after.enum);
    const lost = before.enum === undefined ? undefined : asList(before.enum).filter((v) => !kept.includes(v));
    if (lost === undefined) at('enum', 'restricts the input to an enum');
    else if (lost.length > 0) at('enum', `drops the allowed value(s) ${lost.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  const lower = (keyword: 'minLength' | 'minimum' | 'exclusiveMinimum') => {
    const a = number(after[keyword]);
    const b = number(before[keyword]);
    if (a !== undefined && (b === undefined || a > b)) at(keyword, `raises ${keyword} from ${b ?? 'none'} to ${a}`);
  };
  const upper = (keyword: 'maxLength' | 'maximum' | 'exclusiveMaximum') => {
    const a = number(after[keyword]);
    const b = number(before[keyword]);
    if (a !== undefined && (b === undefined || a < b)) at(keyword, `lowers ${keyword} from ${b ?? 'none'} to ${a}`);
  };
  lower('minLength');
  lower('minimum');
  lower('exclusiveMinimum');
  upper('maxLength');
  upper('maximum');
  upper('exclusiveMaximum');
  if (after.pattern !== undefined && before.pattern === undefined) at('pattern', 'adds a pattern');
  else if (after.pattern !== undefined && after.pattern !== before.pattern) {
    out.push({
      path: `${base}.pattern`,
      message: `changes the pattern since the previous version; check it accepts every value "${shownValue(before.pattern)}" did`,
      severity: 'warning',
    });
  }
  if (after.format !== undefined && after.format !== before.format) at('format', `requires the format ${shownValue(after.format)}`);
  const multipleOf = number(after.multipleOf);
  const previousMultipleOf = number(before.multipleOf);
  if (after.multipleOf !== undefined && (previousMultipleOf === undefined || multipleOf === undefined || previousMultipleOf % multipleOf !== 0))
    at('multipleOf', `requires multiples of ${shownValue(after.multipleOf)}`);
  if (before['x-aisle-generate'] !== undefined && after['x-aisle-generate'] === undefined && after.default === undefined) {
    at('x-aisle-generate', 'no longer generates this secret, so users must now give it');
  }
  return out;
}
