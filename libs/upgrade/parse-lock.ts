import semver from 'semver';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { parseYaml, type Scalar } from '../manifest/index.js';
import { TARGETS, type Lock, type LockedSecret } from '../render/index.js';

/** A lock is a few hundred bytes per instance and file; 5,000 instances stay well inside. */
export const MAX_LOCK_BYTES = 16 * 1024 * 1024;

const INSTANCE = /^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The lock, or every problem that keeps it from being one (each with the instance and field at fault). */
export interface ParsedLock {
  lock?: Lock;
  diagnostics: Diagnostic[];
}

/**
 * Parses `aisle.lock` text into its shape (bounded: size, no aliases), checking what a
 * plan relies on: the target, and per instance a component name, an exact version, a
 * digest and scalar inputs (secrets only as references).
 */
export function parseLock(text: string, file = 'aisle.lock'): ParsedLock {
  const parsed = parseYaml(text, { file, maxBytes: MAX_LOCK_BYTES });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const bad = (path: string, message: string) => error('LOCK_INVALID', path, message, { file });
  const value = parsed.value;
  if (!isRecord(value) || value.apiVersion !== 'aisle.dev/v1' || value.kind !== 'Lock')
    return { diagnostics: [bad(file, 'is not an aisle lock (apiVersion aisle.dev/v1, kind Lock)')] };
  const diagnostics: Diagnostic[] = [];
  if (typeof value.app !== 'string' || value.app === '') diagnostics.push(bad('app', 'must name the app'));
  if (!(TARGETS as readonly unknown[]).includes(value.target)) diagnostics.push(bad('target', `must be one of ${TARGETS.join(', ')}`));
  if (!isRecord(value.instances) || Object.keys(value.instances).length === 0) diagnostics.push(bad('instances', 'must list the instances'));
  if (!isRecord(value.files)) diagnostics.push(bad('files', 'must list the files aisle wrote'));
  for (const [name, raw] of Object.entries(isRecord(value.instances) ? value.instances : {})) {
    if (!INSTANCE.test(name)) {
      diagnostics.push(bad(`instances.${name}`, 'is not an instance name'));
      continue;
    }
    if (!isRecord(raw)) {
      diagnostics.push(bad(`instances.${name}`, 'must be a mapping'));
      continue;
    }
    if (typeof raw.component !== 'string' || raw.component === '') diagnostics.push(bad(`instances.${name}.component`, 'must name a component'));
    if (typeof raw.version !== 'string' || semver.valid(raw.version) === null) diagnostics.push(bad(`instances.${name}.version`, 'must be an exact version'));
    if (typeof raw.digest !== 'string' || !DIGEST.test(raw.digest)) diagnostics.push(bad(`instances.${name}.digest`, 'must be a sha256 digest'));
    if (!isRecord(raw.inputs)) diagnostics.push(bad(`instances.${name}.inputs`, 'must be a mapping'));
    for (const [input, v] of Object.entries(isRecord(raw.inputs) ? raw.inputs : {}))
      if (!isScalar(v) && !isLockedSecret(v)) diagnostics.push(bad(`instances.${name}.inputs.${input}`, 'must be a value, or a secret reference'));
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { lock: value as unknown as Lock, diagnostics };
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isLockedSecret(v: unknown): v is LockedSecret {
  return isRecord(v) && v.secret === true && (v.ref === undefined || typeof v.ref === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
