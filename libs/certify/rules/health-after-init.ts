import type { ManifestRule } from '../lint-rule.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields } from './runtime-fields.js';

interface TemporaryServer {
  /** True when the health command can only reach the final server, not the temporary one. */
  passesInitOnly(command: string): boolean;
  why: string;
  fix: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/i;

/** The host a mongosh command connects to: `--host X`, `--host=X` or a mongodb:// URI; undefined means the default 127.0.0.1. */
function mongoHost(command: string): string | undefined {
  const flag = /--host[=\s]+("[^"]*"|'[^']*'|\S+)/.exec(command)?.[1];
  if (flag !== undefined) return flag.replace(/^["']|["']$/g, '');
  return /mongodb(?:\+srv)?:\/\/(?:[^@\s/]*@)?([^/:\s,?"']+)/.exec(command)?.[1];
}

// Images whose entrypoint runs a temporary server on first start, before users exist.
// docker-library/mongo 8.0/docker-entrypoint.sh@d9efcb7 lines 306-307: the temporary
// mongod listens on --bind_ip 127.0.0.1 --port 27017, the address mongosh defaults to.
// docker-library/mysql 8.4/docker-entrypoint.sh@6ea5fc5 line 124: the temporary mysqld
// runs with --skip-networking, so only a TCP check tells the two apart.
const TEMPORARY_SERVERS: Readonly<Record<string, TemporaryServer>> = {
  'docker.io/library/mongo': {
    passesInitOnly: (command) => {
      if (!/\bmongo(sh)?\b/.test(command)) return true;
      const host = mongoHost(command);
      return host !== undefined && !LOOPBACK.test(host);
    },
    why: 'first start runs a temporary mongod on 127.0.0.1:27017 before the root user exists',
    fix: 'connect to the container\'s own address (mongosh --host "$(hostname -i)")',
  },
  'docker.io/library/mysql': {
    passesInitOnly: (command) => {
      if (!/\bmysqladmin\b|\bmysql\b/.test(command)) return true;
      if (/--protocol[=\s]+tcp\b/i.test(command)) return true;
      const host = /(?:-h\s*|--host[=\s]+)("[^"]*"|'[^']*'|\S+)/.exec(command)?.[1]?.replace(/^["']|["']$/g, '');
      // The client takes "localhost" to mean the socket, which the temporary server serves.
      return host !== undefined && host.toLowerCase() !== 'localhost';
    },
    why: 'first start runs a temporary mysqld without networking (socket only) before the accounts exist',
    fix: 'check over TCP (-h 127.0.0.1)',
  },
};

/**
 * For images whose entrypoint initialises the data with a temporary server, the health
 * check must not reach that server: a dependant would start before the users exist.
 */
export const healthAfterInit: ManifestRule = {
  name: 'health-after-init',
  description: 'the health check cannot pass against the temporary server an image runs during first-start initialisation',
  check(manifest) {
    const repository = imageRepository(manifest);
    const server = repository === undefined ? undefined : TEMPORARY_SERVERS[repository];
    const command = runtimeFields(manifest).healthCommand;
    if (!server || command === undefined || server.passesInitOnly(command)) return [];
    return [{ path: 'spec.runtime.health.command', message: `passes too early: ${server.why}; ${server.fix}` }];
  },
};
