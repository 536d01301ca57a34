import type { ManifestRule } from '../lint-rule.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields } from './runtime-fields.js';

const SERVERS: Readonly<Record<string, string>> = {
  'docker.io/library/redis': 'redis-server',
  'docker.io/valkey/valkey': 'valkey-server',
};

/**
 * A Redis-protocol server started with `--appendonly` (persistence as an input) must also
 * set `--save`: the built-in RDB schedule writes dump.rdb even with the append-only file off.
 */
export const snapshotSchedule: ManifestRule = {
  name: 'snapshot-schedule',
  description: 'a Redis or Valkey server that sets --appendonly also sets --save, so turning persistence off writes nothing',
  check(manifest) {
    const repository = imageRepository(manifest);
    const server = repository === undefined ? undefined : SERVERS[repository];
    const line = runtimeFields(manifest).commandLine;
    if (!server || !line.includes(server) || !line.includes('--appendonly') || /--save\b/.test(line)) return [];
    return [
      {
        path: 'spec.runtime.command',
        message: `sets --appendonly but not --save: ${server}'s default snapshot schedule still writes dump.rdb when persistence is off; pass --save "" then`,
      },
    ];
  },
};
