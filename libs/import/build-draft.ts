import type { ComponentManifest, InputProperty, OutputDeclaration, PortDeclaration, Scalar, VolumeDeclaration } from '../manifest/index.js';
import { buildInput, type InputSource } from './build-input.js';
import { chooseAisle } from './choose-aisle.js';
import { FORMAT_TITLES, type ImportedApp, type ImportedService, type ReportEntry, type Segment } from './imported-app.js';
import { parseImage } from './parse-image.js';
import { inputKey, safeName, unique } from './safe-name.js';
import { resolveSegments } from './segments.js';
import { byteQuantity } from './source-helpers.js';

const MAX_INPUTS = 40;
// Published ports that, by convention, serve HTTP: named `http`, so targets that route HTTP (OpenShift) route them.
const HTTP_PORTS = new Set([80, 3000, 5000, 8000, 8080, 8081, 8888]);
const MAX_OUTPUTS = 32;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;
const SIZE = /^[0-9]+(\.[0-9]+)?(Mi|Gi|Ti|M|G|T)$/;

/** How the app spec fills one input of a draft. */
export type InputFill =
  | { kind: 'param'; name: string }
  | { kind: 'host'; service: string }
  | { kind: 'literal'; value: Scalar; secret: boolean }
  /** Required by the source, with no value anywhere: an empty value to fill in. */
  | { kind: 'missing' };

export interface Draft {
  service: ImportedService;
  manifest: ComponentManifest;
  fills: Map<string, InputFill>;
  /** Variable → the input holding it. */
  paramInputs: Map<string, string>;
  /** Environment variable → the input that is its whole value. */
  envInputs: Map<string, string>;
  entries: ReportEntry[];
}

/** A draft component manifest for one imported service: typed inputs for its values, its runtime as the source has it. */
export function buildDraft(service: ImportedService, app: ImportedApp, componentName: string): Draft {
  const entries: ReportEntry[] = [];
  const at = service.sourcePath;
  const properties: Record<string, InputProperty> = {};
  const required: string[] = [];
  const fills = new Map<string, InputFill>();
  const paramInputs = new Map<string, string>();
  const hostInputs = new Map<string, string>();
  const envInputs = new Map<string, string>();
  const keys = new Set<string>();
  const add = (key: string, source: InputSource, fill: InputFill): string | undefined => {
    if (keys.size >= MAX_INPUTS) return undefined;
    const name = unique(key, keys);
    const built = buildInput(source);
    properties[name] = built.property;
    if (built.required) required.push(name);
    if (built.dropped) entries.push({ source: at, status: 'dropped', reason: `${source.name}: ${built.dropped}` });
    fills.set(name, built.required ? { kind: 'missing' } : fill);
    if (built.required)
      entries.push({
        source: at,
        status: 'mapped',
        target: `${service.name}.inputs.${name}`,
        reason: `${source.name} is required and the source gives no value: the app spec holds a placeholder to replace`,
      });
    return name;
  };
  const paramInput = (name: string, key: string): string | undefined => {
    const existing = paramInputs.get(name);
    if (existing) return existing;
    const param = app.parameters.get(name);
    const made = add(key, { name, ...(param ? { param } : {}) }, { kind: 'param', name });
    if (made) paramInputs.set(name, made);
    return made;
  };
  const hostInput = (target: string): string | undefined => {
    const existing = hostInputs.get(target);
    if (existing) return existing;
    const made = add(inputKey(`${target}_host`), { name: `${target} host`, literal: target }, { kind: 'host', service: target });
    if (made) hostInputs.set(target, made);
    return made;
  };
  const template = (segments: readonly Segment[], where: string): string =>
    segments
      .map((s) => {
        if (s.kind === 'text') return s.text.replace(/\$\{\{/g, '$${{');
        const key = s.kind === 'param' ? paramInput(s.name, inputKey(s.name)) : hostInput(s.service);
        if (key) return `\${{ inputs.${key} }}`;
        entries.push({ source: where, status: 'dropped', reason: `more than ${MAX_INPUTS} inputs: written as its value` });
        return resolveSegments([s], app.parameters);
      })
      .join('');

  // Variable names Kubernetes and the manifest format refuse are rewritten (`A.B` → `A_B`), and said so.
  const envNames = new Set<string>();
  service.env = service.env.map((e) => {
    const safe = unique(
      e.name
        .replace(/[^A-Za-z0-9_]/g, '_')
        .replace(/^([0-9])/, '_$1')
        .slice(0, 128) || 'VALUE',
      envNames,
      128,
    );
    if (safe !== e.name)
      entries.push({
        source: `${at}.environment.${e.name}`,
        status: 'renamed',
        target: safe,
        reason: 'a variable name is letters, digits and "_", not starting with a digit',
      });
    return { name: safe, value: e.value };
  });
  const env: Record<string, string> = {};
  // Whole-value variables first, so an input is named after the variable it fills.
  const whole = service.env.filter((e) => e.value.length <= 1);
  for (const e of whole) {
    const only = e.value[0];
    const key = inputKey(e.name);
    let made: string | undefined;
    if (only?.kind === 'param') made = paramInput(only.name, key);
    else if (only?.kind === 'host') made = add(key, { name: e.name, literal: only.service }, { kind: 'host', service: only.service });
    else {
      const literal = only?.kind === 'text' ? only.text : '';
      const built = buildInput({ name: e.name, literal });
      made = add(key, { name: e.name, literal }, { kind: 'literal', value: literal, secret: built.property.writeOnly === true });
    }
    if (made) {
      env[e.name] = `\${{ inputs.${made} }}`;
      envInputs.set(e.name, made);
    } else env[e.name] = template(e.value, `${at}.environment.${e.name}`);
  }
  for (const e of service.env) if (!whole.includes(e)) env[e.name] = template(e.value, `${at}.environment.${e.name}`);

  const image = parseImage(service.image);
  let imageDeclaration: ComponentManifest['spec']['image'];
  let repository: string;
  if (image) {
    imageDeclaration = image;
    repository = image.repository;
  } else {
    const made = add('image', { name: 'image', literal: service.image }, { kind: 'literal', value: service.image, secret: false })!;
    properties[made]!.description = 'Image reference. The source names a moving or missing tag: pin it to a release.';
    imageDeclaration = { input: made };
    repository = service.image.split(':')[0]!;
    entries.push({
      source: `${at}.image`,
      status: 'mapped',
      target: `${service.name}.inputs.${made}`,
      reason: `"${service.image}" has no pinned tag: the draft takes the image as an input`,
    });
  }

  const portNames = new Set<string>();
  const ports: PortDeclaration[] = service.ports.map((p) => ({
    name: unique(
      safeName(p.name ?? (p.http || (p.published !== undefined && HTTP_PORTS.has(p.port)) ? 'http' : `port-${p.port}`), `port-${p.port}`, 15),
      portNames,
      15,
    ),
    port: p.port,
    ...(p.protocol === 'UDP' ? { protocol: 'UDP' as const } : {}),
    ...(p.published !== undefined ? { expose: true } : {}),
  }));
  const volumeNames = new Set<string>();
  const volumes: VolumeDeclaration[] = service.volumes.map((v) => {
    const size = v.size ? (byteQuantity(v.size) ?? v.size) : undefined;
    if (!size || !SIZE.test(size))
      entries.push({
        source: `${at}.volumes`,
        status: 'mapped',
        target: `${service.name}.runtime.volumes`,
        reason: `${v.path}: no size in the source${size ? ` Aisle can read ("${size}")` : ''}, 1Gi assumed`,
      });
    return { name: unique(safeName(v.name ?? 'data', 'data', 22), volumeNames, 22), path: v.path, size: size && SIZE.test(size) ? size : '1Gi' };
  });

  const h = service.health;
  const first = ports[0];
  const health: ComponentManifest['spec']['runtime']['health'] = {};
  if (h?.command) health.command = h.command;
  else if (h?.http && h.http.port > 0) health.http = { port: h.http.port, path: h.http.path.startsWith('/') ? h.http.path : `/${h.http.path}` };
  else if (h?.tcp && h.tcp.port > 0) health.tcp = { port: h.tcp.port };
  else if (first) {
    health.tcp = { port: first.port };
    entries.push({
      source: at,
      status: 'mapped',
      target: `${service.name}.runtime.health`,
      reason: `no health check in the source: the draft checks that port ${first.port} accepts connections`,
    });
  } else {
    health.command = 'true';
    entries.push({
      source: at,
      status: 'mapped',
      target: `${service.name}.runtime.health`,
      reason: "no health check and no port in the source: the draft's check only says the container runs",
    });
  }
  if (h?.intervalSeconds) health.interval = `${h.intervalSeconds}s`;
  if (h?.timeoutSeconds) health.timeout = `${h.timeoutSeconds}s`;
  if (h?.retries && h.retries >= 1 && h.retries <= 100) health.retries = h.retries;
  if (h?.startPeriodSeconds) health.startPeriod = `${h.startPeriodSeconds}s`;

  const cpu = service.resources?.cpu && QUANTITY.test(service.resources.cpu) ? service.resources.cpu : '1';
  const memory = service.resources?.memory && QUANTITY.test(service.resources.memory) ? service.resources.memory : '512Mi';
  if (service.resources && (cpu !== service.resources.cpu || memory !== service.resources.memory))
    entries.push({
      source: at,
      status: 'mapped',
      target: `${service.name}.runtime.resources`,
      reason: 'a limit the source does not give (or Aisle cannot read) is set to 1 CPU and 512Mi',
    });
  const resources = {
    requests: { cpu: lesser(cpu, '100m'), memory: lesser(memory, '128Mi') },
    limits: { cpu, memory },
  };

  const outputs: Record<string, OutputDeclaration> = { host: { value: '${{ host }}', description: 'Host name other services reach this one by.' } };
  if (first) outputs.port = { value: first.port, description: `Port ${first.name}.` };
  for (const key of Object.keys(properties)) {
    if (Object.keys(outputs).length >= MAX_OUTPUTS) break;
    if (!Object.hasOwn(outputs, key)) outputs[key] = { value: `\${{ inputs.${key} }}`, description: `The value of input ${key}.` };
  }
  const command = service.command?.map((w, i) => template(w, `${at}.command.${i}`));
  const args = service.args?.map((w, i) => template(w, `${at}.args.${i}`));
  const provides = ports.some((p) => p.name === 'http') ? ['http'] : [safeName(repository.split('/').slice(-1)[0]!, 'service', 31)];
  const manifest: ComponentManifest = {
    apiVersion: 'aisle.dev/v1',
    kind: 'Component',
    metadata: {
      name: componentName,
      version: '1.0.0',
      aisle: chooseAisle(repository),
      title: `${service.sourceName} (imported)`.slice(0, 80),
      description: (
        service.description ?? `Draft imported from the ${FORMAT_TITLES[app.format]} service ${service.sourceName}; review it before certifying.`
      ).slice(0, 4000),
      keywords: ['imported', app.format],
      publisher: 'Imported draft',
      license: 'NOASSERTION',
    },
    spec: {
      provides,
      image: imageDeclaration,
      inputs: { type: 'object', additionalProperties: false, ...(required.length > 0 ? { required } : {}), properties },
      outputs,
      runtime: {
        ...(command ? { command } : {}),
        ...(args ? { args } : {}),
        ...(Object.keys(env).length > 0 ? { env } : {}),
        ports,
        ...(volumes.length > 0 ? { volumes } : {}),
        health,
        resources,
        ...(service.user ? { securityContext: service.user } : {}),
      },
    },
  };
  return { service, manifest, fills, paramInputs, envInputs, entries };
}

/** The smaller of two Kubernetes quantities (requests may not exceed limits). */
function lesser(limit: string, request: string): string {
  return amount(request) <= amount(limit) ? request : limit;
}

function amount(q: string): number {
  const m = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return Number.POSITIVE_INFINITY;
  const scale: Record<string, number> = { m: 0.001, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
  return Number(m[1]) * (m[2] ? scale[m[2]]! : 1);
}
