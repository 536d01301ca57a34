import type { ManifestRule } from '../lint-rule.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields } from './runtime-fields.js';

// Images whose entrypoint does work the server needs, so a command that replaces it must
// hand over to it. redis/docker-library-redis debian/docker-entrypoint.sh@0d55be9 adds
// `--loadmodule` for each /usr/local/lib/redis/modules/*.so and sets umask 0077;
// valkey-io/valkey-container 8.0/debian/docker-entrypoint.sh@ae6141e sets umask 0077
// (lines 16-20) and appends VALKEY_EXTRA_FLAGS (line 22).
const ENTRYPOINTS: Readonly<Record<string, { script: string; does: string }>> = {
  'docker.io/library/redis': { script: 'docker-entrypoint.sh', does: "loads Redis 8's bundled modules and sets umask 0077" },
  'docker.io/valkey/valkey': { script: 'docker-entrypoint.sh', does: 'sets umask 0077 and applies VALKEY_EXTRA_FLAGS' },
};

/**
 * A command that replaces the entrypoint of an image whose entrypoint prepares the
 * server must run that entrypoint (`exec docker-entrypoint.sh server …`).
 */
export const entrypointKept: ManifestRule = {
  name: 'entrypoint-kept',
  description: "a command that replaces the image's entrypoint still runs it when the entrypoint prepares the server",
  check(manifest) {
    const repository = imageRepository(manifest);
    const entrypoint = repository === undefined ? undefined : ENTRYPOINTS[repository];
    const runtime = runtimeFields(manifest);
    if (!entrypoint || !runtime.hasCommand || runtime.commandLine.includes(entrypoint.script)) return [];
    return [{ path: 'spec.runtime.command', message: `replaces the image's entrypoint, which ${entrypoint.does}; exec ${entrypoint.script} from the command` }];
  },
};
