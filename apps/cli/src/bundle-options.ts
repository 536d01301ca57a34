import { TARGETS, type Target } from '../../../libs/render/index.js';
import type { OptionSpec } from './parse-args.js';
import { UsageError } from './parse-args.js';

/** The options every bundle-writing command takes. */
export const BUNDLE_OPTIONS: OptionSpec[] = [
  { name: 'target', type: 'string', valueName: 'T', description: `what to write: ${TARGETS.join(', ')} (default: compose)` },
  { name: 'out', type: 'string', valueName: 'DIR', description: 'folder to write into: the bundle (default: ./APP-TARGET), or an import\'s drafts, app spec and report' },
  { name: 'force', type: 'boolean', description: 'replace files in --out that aisle did not write, or that changed since it wrote them' },
];

/** The `--target` value, checked. */
export function targetOption(options: Record<string, unknown>): Target {
  const value = options.target ?? 'compose';
  if (typeof value !== 'string' || !(TARGETS as readonly string[]).includes(value)) {
    throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, got "${String(value)}"`, '--target');
  }
  return value as Target;
}
