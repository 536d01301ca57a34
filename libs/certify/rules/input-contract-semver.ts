import semver from 'semver';
import type { InputProperty } from '../../manifest/index.js';
import type { VersionEntry, VersionsFinding, VersionsRule } from '../lint-rule.js';

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
    const valid = versions.filter((v) => semver.valid(v.manifest?.metadata?.version ?? '') !== null);
    const sorted = [...valid].sort((a, b) => semver.compare(a.manifest.metadata.version, b.manifest.metadata.version));
    const findings: VersionsFinding[] = [];
    for (let i = 1; i < sorted.length; i++) {
      const older = sorted[i - 1]!;
      const newer = sorted[i]!;
      if (semver.major(older.manifest.metadata.version) !== semver.major(newer.manifest.metadata.version)) continue;
      for (const n of compareContracts(older, newer)) findings.push({ ...n, version: newer });
    }
    return findings;
  },
};

function compareContracts(older: VersionEntry, newer: VersionEntry): Narrowing[] {
  const was = older.manifest.metadata.version;
  const next = `${semver.major(newer.manifest.metadata.version) + 1}.0.0`;
  const breaks = (what: string) => `${what} since ${was}; that breaks existing app specs and needs a new major version (${next})`;
  const oldInputs = older.manifest.spec?.inputs ?? { properties: {} };
  const newInputs = newer.manifest.spec?.inputs ?? { properties: {} };
  const oldRequired = new Set(oldInputs.required ?? []);
  const out: Narrowing[] = [];
  for (const name of Object.keys(oldInputs.properties ?? {})) {
    if (!(name in (newInputs.properties ?? {}))) out.push({ path: 'spec.inputs.properties', message: breaks(`removes the input "${name}"`) });
  }
  (newInputs.required ?? []).forEach((name, i) => {
    if (!oldRequired.has(name)) out.push({ path: `spec.inputs.required.${i}`, message: breaks(`requires "${name}", which was not required`) });
  });
  for (const [name, property] of Object.entries(newInputs.properties ?? {})) {
    const before = oldInputs.properties?.[name];
    if (before) out.push(...narrowings(`spec.inputs.properties.${name}`, before, property).map((n) => ({ ...n, message: n.severity ? n.message : breaks(n.message) })));
  }
  return out;
}

/** How `after` accepts fewer values than `before`, one entry per narrowed keyword. */
function narrowings(base: string, before: InputProperty, after: InputProperty): Narrowing[] {
  const out: Narrowing[] = [];
  const at = (keyword: string, message: string) => out.push({ path: `${base}.${keyword}`, message });
  if (before.type !== after.type && !(before.type === 'integer' && after.type === 'number')) at('type', `narrows the type from ${before.type} to ${after.type}`);
  if (after.enum !== undefined) {
    const lost = before.enum === undefined ? undefined : before.enum.filter((v) => !after.enum!.includes(v));
    if (lost === undefined) at('enum', 'restricts the input to an enum');
    else if (lost.length > 0) at('enum', `drops the allowed value(s) ${lost.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  const lower = (keyword: 'minLength' | 'minimum' | 'exclusiveMinimum') => {
    const a = after[keyword];
    const b = before[keyword];
    if (a !== undefined && (b === undefined || a > b)) at(keyword, `raises ${keyword} from ${b ?? 'none'} to ${a}`);
  };
  const upper = (keyword: 'maxLength' | 'maximum' | 'exclusiveMaximum') => {
    const a = after[keyword];
    const b = before[keyword];
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
    out.push({ path: `${base}.pattern`, message: `changes the pattern since the previous version; check it accepts every value "${before.pattern}" did`, severity: 'warning' });
  }
  if (after.format !== undefined && after.format !== before.format) at('format', `requires the format ${after.format}`);
  if (after.multipleOf !== undefined && (before.multipleOf === undefined || before.multipleOf % after.multipleOf !== 0)) at('multipleOf', `requires multiples of ${after.multipleOf}`);
  if (before['x-aisle-generate'] !== undefined && after['x-aisle-generate'] === undefined && after.default === undefined) {
    at('x-aisle-generate', 'no longer generates this secret, so users must now give it');
  }
  return out;
}
