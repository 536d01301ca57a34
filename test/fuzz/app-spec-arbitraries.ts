import fc from 'fast-check';
import type { CatalogIndex } from '../../libs/catalog/index.js';
import { componentRef, envName, hostileText, INSTANCE_NAMES, instanceName, literal, markedSecret, specValue } from './bundle-arbitraries.js';

/** An app spec as sent, and the secret values it gives. */
export interface GeneratedSpec {
  spec: unknown;
  /** Values given to secret inputs, and the marker each carries ('' when too short to carry one). */
  secrets: Array<{ value: string; marker: string }>;
}

// Components that compose with these inputs alone; the rest of their inputs default or are generated.
const PLAUSIBLE: Record<string, Record<string, string>> = {
  postgresql: { database: 'app' },
  'web-app': { image: 'docker.io/traefik/whoami:v1.10' },
  redis: {},
  rabbitmq: {},
  mysql: {},
  nginx: {},
  meilisearch: {},
  keycloak: { dbHost: 'db' },
};
const OUTPUTS = ['url', 'host', 'port', 'password', 'username', 'vhost'];

interface InputEntry {
  key: string;
  value: unknown;
  secret?: { value: string; marker: string };
}

/**
 * App specs for the fuzz suites: mostly ones a user would plausibly write (hostile values,
 * wiring between their instances: mostly accepted), and ones an anonymous caller could
 * send (every part sometimes hostile). The catalog tells which inputs are secret.
 */
export function appSpecs(catalog: CatalogIndex): fc.Arbitrary<GeneratedSpec> {
  const properties = catalog.names().flatMap((n) => catalog.versions(n).flatMap((v) => Object.entries(v.manifest.spec.inputs.properties)));
  const secretInputs = new Set(properties.filter(([, p]) => p.writeOnly === true).map(([name]) => name));
  const inputNames = [...new Set(properties.map(([name]) => name)), '__proto__', 'constructor', 'x'.repeat(65), 'pass word', ''];
  const portNames = ['http', 'postgresql', 'amqp', 'redis', 'management', 'x', 'HTTP', ''];

  // A secret input's value: marked text, or a reference whose text carries the marker.
  const secretValue = fc.oneof(
    { weight: 6, arbitrary: markedSecret(12, 128) },
    { weight: 1, arbitrary: markedSecret(1, 256) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.stringMatching(/^[a-z]{6}$/), fc.constantFrom('${{ Zq@.url }}', '${{ db.Zq@ }}', '${{ Zq@ }}', 'x${{ Zq@.a.b }}y'))
        .map(([r, t]) => ({ value: t.replace('@', r), marker: `Zq${r}` })),
    },
  );

  const inputEntry: fc.Arbitrary<InputEntry> = fc
    .constantFrom(...inputNames)
    .chain((key): fc.Arbitrary<InputEntry> =>
      secretInputs.has(key) ? secretValue.map((secret) => ({ key, value: secret.value, secret })) : specValue.map((value) => ({ key, value })),
    );

  const instance = fc.record(
    {
      component: componentRef,
      inputs: fc.array(inputEntry, { maxLength: 5 }),
      env: fc.array(fc.tuple(envName, specValue), { maxLength: 4 }),
      dependsOn: fc.array(instanceName, { maxLength: 2 }),
      publish: fc.array(fc.tuple(fc.constantFrom(...portNames), fc.oneof(fc.constantFrom(8080, 5432, 80), fc.integer({ min: -1, max: 70_000 }))), {
        maxLength: 2,
      }),
      shape: fc.nat({ max: 15 }),
    },
    { requiredKeys: ['component', 'inputs', 'env', 'dependsOn', 'publish', 'shape'] },
  );

  type GeneratedInstance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

  /** App specs as an anonymous caller could send them: every part sometimes hostile. */
  const hostileSpec: fc.Arbitrary<GeneratedSpec> = fc
    .tuple(
      fc.constantFrom('shop', 'a', 'x'.repeat(40), 'Shop', '', '-a', 'templates'),
      fc.array(fc.tuple(instanceName, fc.oneof({ weight: 12, arbitrary: instance }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) })), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([name, entries]) => {
      const secrets: GeneratedSpec['secrets'] = [];
      const instances = Object.fromEntries(
        entries.map(([instanceKey, i]) => {
          if (typeof i !== 'object' || i === null || !('shape' in i)) return [instanceKey, i];
          const g = i as GeneratedInstance;
          for (const e of g.inputs) if (e.secret) secrets.push(e.secret);
          const spec: Record<string, unknown> = { component: g.component };
          // Leave optional sections out sometimes, and give them the wrong type now and then.
          if (g.shape !== 1) spec.inputs = Object.fromEntries(g.inputs.map((e) => [e.key, e.value]));
          if (g.shape % 2 === 0) spec.env = Object.fromEntries(g.env);
          if (g.shape % 3 === 0) spec.dependsOn = g.dependsOn;
          if (g.shape % 5 === 0) spec.publish = Object.fromEntries(g.publish);
          if (g.shape === 7) spec.env = 'not a mapping';
          return [instanceKey, spec];
        }),
      );
      return { spec: { apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name }, instances }, secrets };
    });

  /** App specs a user would plausibly write, with hostile values and wiring between their instances: mostly accepted. */
  const plausibleSpec: fc.Arbitrary<GeneratedSpec> = fc
    .uniqueArray(fc.tuple(fc.constantFrom(...INSTANCE_NAMES), fc.constantFrom(...Object.keys(PLAUSIBLE))), { minLength: 1, maxLength: 4, selector: ([n]) => n })
    .chain((chosen) => {
      const names = chosen.map(([n]) => n);
      const reference = fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...OUTPUTS), fc.boolean())
        .map(([n, o, encode]) => `\${{ ${n}.${o}${encode ? ' | urlencode' : ''} }}`);
      const envValue = fc.oneof(
        hostileText().map(literal),
        reference,
        fc.tuple(hostileText(3), reference, hostileText(3)).map(([a, r, b]) => `${literal(a)}${r}${literal(b)}`),
      );
      return fc.tuple(
        fc.constant(chosen),
        fc.array(fc.dictionary(fc.constantFrom('GREETING', 'DATABASE_URL', 'A'.repeat(128), 'X_1', 'MIXED'), envValue, { maxKeys: 3 }), {
          minLength: chosen.length,
          maxLength: chosen.length,
        }),
        fc.array(fc.tuple(secretValue, hostileText()), { minLength: chosen.length, maxLength: chosen.length }),
      );
    })
    .map(([chosen, envs, extras]) => {
      const secrets: GeneratedSpec['secrets'] = [];
      const instances: Record<string, unknown> = {};
      chosen.forEach(([name, component], n) => {
        const inputs: Record<string, unknown> = { ...PLAUSIBLE[component] };
        const [secret, text] = extras[n]!;
        const declared = catalog.latest(component)!.manifest.spec.inputs.properties;
        const secretName = Object.keys(declared).find((k) => declared[k]!.writeOnly === true);
        if (secretName) {
          inputs[secretName] = secret.value;
          secrets.push(secret);
        }
        if (component === 'rabbitmq') inputs.vhost = literal(text);
        instances[name] = component === 'web-app' ? { component, inputs, env: envs[n] } : { component, inputs };
      });
      return { spec: { apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'shop' }, instances }, secrets };
    });

  return fc.oneof({ weight: 3, arbitrary: plausibleSpec }, { weight: 2, arbitrary: hostileSpec });
}
