import { TARGETS, type Target } from '../../../libs/render/index.js';
import type { OptionSpec } from './parse-args.js';
import { UsageError } from './parse-args.js';

/** `--force`, as every command that writes a bundle says it (upgrade also loses values the new version has no place for). */
export const FORCE_DESCRIPTION =
  'replace bundle files aisle did not write, or that changed since it wrote them; upgrade: also lose input values the new version has no place for';

/** The options every bundle-writing command takes. */
export const BUNDLE_OPTIONS: OptionSpec[] = [
  { name: 'target', type: 'string', valueName: 'T', description: `what to write: ${TARGETS.join(', ')} (default: compose)` },
  {
    name: 'out',
    type: 'string',
    valueName: 'DIR',
    description: "folder to write into: the bundle (default: ./APP-TARGET), or an import's drafts, app spec and report",
  },
  { name: 'force', type: 'boolean', description: FORCE_DESCRIPTION },
];

/** The `--target` value, checked. */
export function targetOption(options: Record<string, unknown>): Target {
  const value = options.target ?? 'compose';
  if (typeof value !== 'string' || !(TARGETS as readonly string[]).includes(value)) {
    throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, got "${String(value)}"`, '--target');
  }
  return value as Target;
}
