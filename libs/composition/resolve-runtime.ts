import type { ComponentVersion } from '../catalog/index.js';
import { error, type Diagnostic } from '../diagnostics/index.js';
import type { InstanceSpec, PortNumber, Scalar } from '../manifest/index.js';
import { evaluateTemplate, literalValue, type ReferenceResolver } from './evaluate-template.js';
import { parseDuration } from './parse-duration.js';
import type { ResolvedEnvVar, ResolvedInstance, ResolvedValue, RuntimeField } from './resolved-app.js';

/** Everything about an instance that composition has settled before its runtime recipe is read. */
export interface InstanceInputs {
  name: string;
  version: ComponentVersion;
  spec: InstanceSpec;
  values: Record<string, Scalar>;
  inputParts: Record<string, ResolvedValue>;
  secretInputs: string[];
  generatedInputs: string[];
  /** The app spec's own env, wiring already substituted. */
  extraEnv: ResolvedEnvVar[];
  dependsOn: string[];
  publishExposed: boolean;
}

const HEALTH_DEFAULTS = { interval: 10, timeout: 5, retries: 3, startPeriod: 0 };

/**
 * Evaluates a component's runtime recipe (image, env, command, ports, volumes, health,
 * outputs) for one instance: `${{ inputs.X }}`, `${{ host }}` and `${{ name }}` substituted.
 */
export function resolveRuntime(i: InstanceInputs): { instance?: ResolvedInstance; diagnostics: Diagnostic[] } {
  const { name, version } = i;
  const m = version.manifest;
  const runtime = m.spec.runtime;
  const diagnostics: Diagnostic[] = [];
  const secret = new Set(i.secretInputs);
  const resolver: ReferenceResolver = (ref, source) => {
    if (ref.length === 1 && (ref[0] === 'host' || ref[0] === 'name')) {
      return { value: name, secret: false, parts: [{ kind: ref[0], instance: name }] };
    }
    if (ref.length === 2 && ref[0] === 'inputs' && Object.hasOwn(m.spec.inputs.properties, ref[1]!)) {
      const input = ref[1]!;
      const wired = i.inputParts[input];
      if (wired) return { ...wired, secret: wired.secret || secret.has(input) };
      const v = i.values[input];
      return { value: v === undefined ? '' : String(v), secret: secret.has(input), parts: [{ kind: 'input', instance: name, input, filters: [] }] };
    }
    return { code: 'TEMPLATE_INVALID', message: `${version.name}@${version.version} refers to "${source}", which is not an input, host or name` };
  };
  const where = `${name}.component`;
  const evaluate = (template: string | number, field: string): ResolvedValue | undefined => {
    if (typeof template === 'number') return literalValue(String(template));
    const r = evaluateTemplate(template, resolver);
    for (const p of r.problems) diagnostics.push(error(p.code, where, `${field}: ${p.message}`));
    return r.value;
  };
  const runtimeParts: Partial<Record<RuntimeField, ResolvedValue>> = {};
  /** Evaluates a runtime field, keeping its parts when it refers to something. */
  const field = (template: string | number, key: RuntimeField): ResolvedValue | undefined => {
    const v = evaluate(template, `spec.runtime.${key}`);
    if (v?.parts.some((p) => p.kind !== 'text')) runtimeParts[key] = v;
    return v;
  };
  const port = (value: PortNumber, key: RuntimeField): number => {
    const resolved = field(value, key);
    const text = resolved?.value ?? '';
    const label = `spec.runtime.${key}`;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
      // Inputs have passed their schema here, so this is the component's range; a secret value is still not quoted.
      const got = resolved?.secret ? 'a secret value (not shown)' : `"${text}"`;
      diagnostics.push(error('INPUT_INVALID', where, `${label} must be a port number from 1 to 65535, got ${got}`));
      return 0;
    }
    return n;
  };

  const image =
    'input' in m.spec.image
      ? String(i.values[m.spec.image.input] ?? '')
      : `${m.spec.image.repository}:${m.spec.image.tag}${m.spec.image.digest ? `@${m.spec.image.digest}` : ''}`;
  const env = new Map<string, ResolvedEnvVar>();
  for (const [key, template] of Object.entries(runtime.env ?? {})) {
    const v = evaluate(template, `spec.runtime.env.${key}`);
    if (v) env.set(key, { name: key, ...v });
  }
  for (const extra of i.extraEnv) env.set(extra.name, extra);
  const list = (templates: string[] | undefined, field: string) => templates?.map((t, n) => evaluate(t, `${field}.${n}`) ?? literalValue(''));
  const ports = runtime.ports.map((p, n) => ({
    name: p.name,
    port: port(p.port, `ports.${n}.port`),
    protocol: p.protocol ?? ('TCP' as const),
    expose: p.expose === true,
  }));
  const publish: Record<string, number> = {};
  const stateful = (runtime.volumes ?? []).length > 0;
  const replicas = stateful ? undefined : i.spec.replicas;
  // One host port cannot be shared by copies: a replicated instance is reached through its service name instead.
  if (i.publishExposed && (replicas ?? 1) <= 1) for (const p of ports) if (p.expose) publish[p.name] = p.port;
  for (const [portName, hostPort] of Object.entries(i.spec.publish ?? {})) {
    // An unknown name is checkPublishedNames' diagnostic.
    if (ports.some((p) => p.name === portName)) publish[portName] = hostPort;
  }
  const h = runtime.health;
  const outputs: Record<string, ResolvedValue> = {};
  for (const [key, declaration] of Object.entries(m.spec.outputs)) {
    const v = evaluate(declaration.value, `spec.outputs.${key}.value`);
    if (v) outputs[key] = v;
  }
  const volumes = (runtime.volumes ?? []).map((v, n) => ({ name: v.name, path: v.path, size: field(v.size, `volumes.${n}.size`)?.value ?? v.size }));
  const instance: ResolvedInstance = {
    name,
    component: {
      name: version.name,
      version: version.version,
      digest: version.digest,
      aisle: m.metadata.aisle,
      provides: [...m.spec.provides],
      title: m.metadata.title,
    },
    image,
    inputs: i.values,
    secretInputs: i.secretInputs,
    generatedInputs: i.generatedInputs,
    inputParts: i.inputParts,
    env: [...env.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    ...(runtime.command ? { command: list(runtime.command, 'spec.runtime.command') } : {}),
    ...(runtime.args ? { args: list(runtime.args, 'spec.runtime.args') } : {}),
    ports,
    publish,
    volumes,
    tmpfs: [...(runtime.tmpfs ?? [])],
    health: {
      ...(h.command !== undefined ? { command: h.command } : {}),
      ...(h.http ? { http: { port: port(h.http.port, 'health.http.port'), path: field(h.http.path, 'health.http.path')?.value ?? '/' } } : {}),
      ...(h.tcp ? { tcp: { port: port(h.tcp.port, 'health.tcp.port') } } : {}),
      intervalSeconds: parseDuration(h.interval, HEALTH_DEFAULTS.interval),
      timeoutSeconds: parseDuration(h.timeout, HEALTH_DEFAULTS.timeout),
      retries: h.retries ?? HEALTH_DEFAULTS.retries,
      startPeriodSeconds: parseDuration(h.startPeriod, HEALTH_DEFAULTS.startPeriod),
    },
    resources: { requests: { ...runtime.resources.requests }, limits: { ...runtime.resources.limits } },
    securityContext: { ...(runtime.securityContext ?? {}) },
    ...(runtime.stopGracePeriod ? { stopGracePeriodSeconds: parseDuration(runtime.stopGracePeriod, 0) } : {}),
    dependsOn: i.dependsOn,
    outputs,
    ...(Object.keys(runtimeParts).length > 0 ? { runtimeParts } : {}),
    stateful,
    ...(replicas !== undefined ? { replicas } : {}),
    // Helm writes values.schema.json from it.
    inputsSchema: m.spec.inputs,
  };
  return { instance, diagnostics };
}
