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

/** The host a pg_isready or psql command connects to (-h X, --host X); undefined means the default, the socket. */
function postgresHost(command: string): string | undefined {
  return /(?:-h\s*|--host[=\s]+)("[^"]*"|'[^']*'|[^\s-]\S*)/.exec(command)?.[1]?.replace(/^["']|["']$/g, '');
}

/** The host an HTTP check (wget, curl) or clickhouse-client names; undefined when it names none. */
function checkedHost(command: string): string | undefined {
  const url = /https?:\/\/(\[[^\]]*\]|[^/:\s"']+)/.exec(command)?.[1];
  if (url !== undefined) return url;
  return /--host[=\s]+("[^"]*"|'[^']*'|\S+)/.exec(command)?.[1]?.replace(/^["']|["']$/g, '');
}

// The PostgreSQL entrypoint's temporary server listens on the socket only.
const postgresTemporaryServer: TemporaryServer = {
  passesInitOnly: (command) => {
    if (!/\bpg_isready\b|\bpsql\b/.test(command)) return true;
    const host = postgresHost(command);
    return host !== undefined && !host.startsWith('/');
  },
  why: 'first start runs a temporary postgres on the Unix socket only (listen_addresses empty) before the database and owner exist',
  fix: 'check over TCP (pg_isready -h 127.0.0.1)',
};

// Images whose entrypoint runs a temporary server on first start, before users exist.
// docker-library/mongo 8.0/docker-entrypoint.sh@d9efcb7 lines 306-307: the temporary
// mongod listens on --bind_ip 127.0.0.1 --port 27017, the address mongosh defaults to.
// docker-library/mysql 8.4/docker-entrypoint.sh@6ea5fc5 line 124: the temporary mysqld
// runs with --skip-networking, so only a TCP check tells the two apart.
// docker-library/postgres 17/bookworm/docker-entrypoint.sh@6edb0a8 line 292: the temporary
// server gets -c listen_addresses='' (socket only); pgvector/pgvector's image is FROM postgres.
// ClickHouse/ClickHouse docker/server/entrypoint.sh@00b7432: when CLICKHOUSE_DB is set on
// first start, a temporary clickhouse-server runs with --listen_host=127.0.0.1 while the
// database is created, so a check on 127.0.0.1:8123 passes before that.
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
  'docker.io/library/postgres': postgresTemporaryServer,
  'docker.io/pgvector/pgvector': postgresTemporaryServer,
  'docker.io/library/clickhouse': {
    passesInitOnly: (command) => {
      if (!/\bwget\b|\bcurl\b|\bclickhouse(-client| client)\b/.test(command)) return true;
      const host = checkedHost(command);
      return host !== undefined && !LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
    },
    why: 'first start with a database to create runs a temporary clickhouse-server on 127.0.0.1 before the database exists',
    fix: "ask the container's own address (http://$(hostname):8123/ping)",
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
