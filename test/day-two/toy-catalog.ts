import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const DATA_NOTE = 'Toy 2 keeps its data in a new format: dump it with toy-dump before, load it with toy-load after.';

/** A toy component's manifest: the inputs and upgrade block vary, the rest is the same small runtime. */
function toy(version: string, properties: Record<string, unknown>, upgrade?: unknown, required: string[] = []): unknown {
  const env = Object.fromEntries(Object.keys(properties).map((name) => [`TOY_${name.toUpperCase()}`, `\${{ inputs.${name} }}`]));
  return {
    apiVersion: 'aisle.dev/v1',
    kind: 'Component',
    metadata: {
      name: 'toy',
      version,
      aisle: 'cache',
      title: 'Toy',
      description: 'A toy component for the day-two tests.',
      publisher: 'Aisle tests',
      license: 'Apache-2.0',
    },
    spec: {
      provides: ['toy'],
      image: { repository: 'docker.io/library/busybox', tag: '1.37' },
      inputs: { type: 'object', additionalProperties: false, ...(required.length > 0 ? { required } : {}), properties },
      outputs: { host: { value: '${{ host }}', description: 'Host name.' } },
      runtime: {
        command: ['sleep', 'infinity'],
        env,
        ports: [{ name: 'toy', port: 7000 }],
        volumes: [{ name: 'data', path: '/data', size: '1Gi' }],
        health: { command: 'true', interval: '10s', timeout: '3s', retries: 3 },
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } },
      },
    },
    ...(upgrade ? { upgrade } : {}),
  };
}

const password = { type: 'string', description: 'Password.', writeOnly: true, minLength: 16, maxLength: 64, 'x-aisle-generate': 'password' };

/** The toy versions: 1.0.0; 1.1.0 renames an input and maps an enum; 2.0.0 drops one, sets a new required one, and needs a data step. */
export const TOY_VERSIONS: Record<string, unknown> = {
  '1.0.0': toy('1.0.0', {
    maxConn: { type: 'integer', description: 'Connections.', default: 100, minimum: 1, maximum: 10000 },
    mode: { type: 'string', description: 'Mode.', enum: ['fast', 'safe'], default: 'safe' },
    legacy: { type: 'string', description: 'An old knob.', default: 'off', maxLength: 20 },
    password,
  }),
  '1.1.0': toy(
    '1.1.0',
    {
      maxConnections: { type: 'integer', description: 'Connections.', default: 100, minimum: 1, maximum: 10000 },
      mode: { type: 'string', description: 'Mode.', enum: ['quick', 'safe'], default: 'safe' },
      legacy: { type: 'string', description: 'An old knob.', default: 'off', maxLength: 20 },
      password,
    },
    { from: '>=1.0.0 <1.1.0', migrations: [{ rename: { input: 'maxConn', to: 'maxConnections' } }, { map: { input: 'mode', values: { fast: 'quick' } } }] },
  ),
  '2.0.0': toy(
    '2.0.0',
    {
      maxConnections: { type: 'integer', description: 'Connections.', default: 100, minimum: 1, maximum: 10000 },
      mode: { type: 'string', description: 'Mode.', enum: ['quick', 'safe'], default: 'safe' },
      zone: { type: 'string', description: 'Where it runs.', maxLength: 40 },
      password,
    },
    {
      from: '^1.1.0',
      migrations: [{ drop: { input: 'legacy' } }, { set: { input: 'zone', template: 'zone-${{ inputs.mode }}' } }],
      data: [{ note: DATA_NOTE }],
    },
    ['zone'],
  ),
};

export { DATA_NOTE };

/** A catalog folder with the toy versions given (default all), for `--catalog`. */
export function toyCatalog(versions: readonly string[] = Object.keys(TOY_VERSIONS)): string {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-toy-'));
  for (const v of versions) {
    mkdirSync(join(dir, 'toy', v), { recursive: true });
    writeFileSync(join(dir, 'toy', v, 'component.yaml'), stringify(TOY_VERSIONS[v]));
  }
  return dir;
}
