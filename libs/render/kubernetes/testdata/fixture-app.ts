import type { ResolvedApp, ResolvedInstance, ResolvedValue, ValuePart } from '../../../composition/resolved-app.js';

/**
 * Hand-built resolved apps for the renderer tests, shaped like composition's output:
 * a PostgreSQL database, a Redis cache whose command reads its env, a web app whose
 * DATABASE_URL is wired from the database's outputs, and a worker without ports.
 */
const text = (t: string): ValuePart => ({ kind: 'text', text: t });
const input = (instance: string, name: string, filters: Array<'urlencode'> = []): ValuePart => ({ kind: 'input', instance, input: name, filters });

function join(parts: ValuePart[], inputs: Record<string, Record<string, string | number | boolean>>, secrets: Record<string, string[]>): ResolvedValue {
  let value = '';
  let secret = false;
  for (const part of parts) {
    if (part.kind === 'text') value += part.text;
    else if (part.kind === 'host' || part.kind === 'name') value += part.instance;
    else {
      const raw = String(inputs[part.instance]![part.input]);
      value += part.filters.reduce((v) => encodeURIComponent(v), raw);
      secret ||= secrets[part.instance]!.includes(part.input);
    }
  }
  return { value, secret, parts };
}

/** A four-instance app; `dbPassword` and `greeting` let tests plant awkward values. */
export function fixtureApp(options: { dbPassword?: string; greeting?: string; dbDatabase?: string } = {}): ResolvedApp {
  const inputs: Record<string, Record<string, string | number | boolean>> = {
    db: { database: options.dbDatabase ?? 'shop', username: 'app', password: options.dbPassword ?? 'Zq3kP9wLx2vN8rT5yB7mC4hJ', storageSize: '1Gi' },
    cache: { password: 'rT5yB7mC4hJZq3kP9wLx2vN8', maxMemory: '256mb', persistence: true },
    web: { serverName: 'localhost' },
    worker: { queues: 'default' },
  };
  const secrets: Record<string, string[]> = { db: ['password'], cache: ['password'], web: [], worker: [] };
  const v = (...parts: ValuePart[]) => join(parts, inputs, secrets);
  const env = (name: string, ...parts: ValuePart[]) => ({ name, ...v(...parts) });
  const dbUrl = [
    text('postgresql://'), input('db', 'username', ['urlencode']), text(':'), input('db', 'password', ['urlencode']),
    text('@'), { kind: 'host', instance: 'db' } as ValuePart, text(':5432/'), input('db', 'database', ['urlencode']),
  ];
  const base = (name: string, component: string, aisle: string): Omit<ResolvedInstance, 'env' | 'ports' | 'health' | 'volumes' | 'stateful' | 'image'> => ({
    name,
    component: { name: component, version: '1.2.3', digest: `sha256:${'a'.repeat(64)}`, aisle, provides: [component], title: component },
    inputs: inputs[name]!,
    secretInputs: secrets[name]!,
    generatedInputs: [],
    inputParts: {},
    publish: {},
    tmpfs: [],
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '256Mi' } },
    securityContext: { runAsUser: 999, runAsGroup: 999, fsGroup: 999, runAsNonRoot: true },
    dependsOn: [],
    outputs: { host: v({ kind: 'host', instance: name }) },
  });
  const health = { intervalSeconds: 10, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 };
  const db: ResolvedInstance = {
    ...base('db', 'postgresql', 'database'),
    image: 'docker.io/library/postgres:16.10',
    env: [
      env('PGDATA', text('/var/lib/postgresql/data/pgdata')),
      env('POSTGRES_DB', input('db', 'database')),
      env('POSTGRES_PASSWORD', input('db', 'password')),
      env('POSTGRES_USER', input('db', 'username')),
    ],
    ports: [{ name: 'postgresql', port: 5432, protocol: 'TCP', expose: true }],
    volumes: [{ name: 'data', path: '/var/lib/postgresql/data', size: '1Gi' }],
    // As composition keeps it for `size: "${{ inputs.storageSize }}"`.
    runtimeParts: { 'volumes.0.size': v(input('db', 'storageSize')) },
    health: { ...health, command: 'pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB" -h 127.0.0.1', startPeriodSeconds: 30 },
    stopGracePeriodSeconds: 30,
    stateful: true,
    generatedInputs: ['password'],
    outputs: { host: v({ kind: 'host', instance: 'db' }), url: v(...dbUrl), password: v(input('db', 'password')) },
  };
  const cache: ResolvedInstance = {
    ...base('cache', 'redis', 'cache'),
    image: 'docker.io/library/redis:8.2',
    command: [v(text('sh')), v(text('-c')), v(text('exec redis-server --requirepass "$REDIS_PASSWORD" --maxmemory "$REDIS_MAXMEMORY"'))],
    args: [v(text('--requirepass=')), v(input('cache', 'password'))],
    env: [env('REDIS_MAXMEMORY', input('cache', 'maxMemory')), env('REDIS_PASSWORD', input('cache', 'password'))],
    ports: [{ name: 'redis', port: 6379, protocol: 'TCP', expose: true }],
    volumes: [{ name: 'data', path: '/data', size: '1Gi' }],
    health: { ...health, command: 'redis-cli -h 127.0.0.1 ping | grep -q PONG', startPeriodSeconds: 5 },
    stateful: true,
  };
  const web: ResolvedInstance = {
    ...base('web', 'nginx', 'web'),
    image: 'docker.io/library/nginx:1.30',
    env: [
      env('DATABASE_URL', ...dbUrl),
      env('GREETING', text(options.greeting ?? 'hello')),
      env('NGINX_HOST', input('web', 'serverName')),
    ],
    ports: [{ name: 'http', port: 80, protocol: 'TCP', expose: true }, { name: 'metrics', port: 9113, protocol: 'TCP', expose: false }],
    volumes: [],
    tmpfs: ['/var/cache/nginx', '/run'],
    health: { ...health, command: 'curl -fsS http://127.0.0.1/', http: { port: 80, path: '/' } },
    securityContext: { readOnlyRootFilesystem: true },
    dependsOn: ['cache', 'db'],
    stateful: false,
  };
  const worker: ResolvedInstance = {
    ...base('worker', 'worker', 'queue'),
    image: 'ghcr.io/example/worker:2.0.0@sha256:' + 'b'.repeat(64),
    env: [env('QUEUES', input('worker', 'queues')), env('REDIS_URL', text('redis://:'), input('cache', 'password', ['urlencode']), text('@'), { kind: 'host', instance: 'cache' }, text(':6379/0'))],
    ports: [],
    volumes: [],
    health: { ...health, tcp: { port: 8080 } },
    dependsOn: ['cache', 'web'],
    stateful: false,
  };
  return { name: 'shop', instances: [cache, db, web, worker] };
}
