import { parseDotenv } from '../render/compose/parse-dotenv.js';
import type { ImportedApp, ImportedParameter, ImportedService, Segment } from './imported-app.js';
import { safeName, unique } from './safe-name.js';
import { findHosts, isHostish, mergeText, resolveSegments } from './segments.js';
import { asArray, asObject, asText, byteQuantity, durationSeconds, recorder, shellLine, shellWords, type Obj } from './source-helpers.js';

// `$$` (a literal dollar), `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `$VAR`.
const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

const SERVICE_DROPS: Record<string, string> = {
  restart: "restart policies are the target's: Compose bundles restart unless-stopped, Kubernetes always",
  container_name: 'a fixed container name stops a bundle from running twice; the instance name is the service name',
  networks: 'instances share one network and reach each other by name',
  labels: 'labels are set by each target',
  logging: "logging drivers are the host's choice",
  build: 'components run published images, never a build on the host',
  stdin_open: 'not a service setting a component can declare',
  tty: 'not a service setting a component can declare',
  hostname: 'the host name is the instance name',
  extra_hosts: 'host entries are not part of a component',
  privileged: 'privileged containers are refused by the certification rules',
  cap_add: 'capabilities are not part of a component',
  network_mode: 'instances share one network',
  platform: 'the image decides its platforms',
  pull_policy: 'each target sets its pull policy',
  working_dir: "the image's working directory is kept",
  profiles: 'every instance of an app runs',
  secrets: 'file secrets are not read: give secrets as environment variables',
  configs: 'config files are not part of a component',
  sysctls: 'kernel settings are not part of a component',
  ulimits: 'limits other than CPU and memory are not part of a component',
  links: 'instances reach each other by name without links',
};

/** Reads a Compose file (any version people write) into the importers' common form. */
export function importCompose(doc: Obj, files: (path: string) => string | undefined = () => undefined): ImportedApp {
  const app: ImportedApp = { format: 'compose', name: safeName(asText(doc.name) ?? 'app', 'app', 40), parameters: new Map(), services: [], entries: [] };
  const r = recorder(app);
  // Compose reads `.env` beside the file for its variables; so does the importer, when it can.
  const dotenvText = files('.env');
  const dotenv = new Map((dotenvText === undefined ? [] : parseDotenv(dotenvText)).map((e) => [e.name, e.value] as const));
  const interpolate = (value: string): Segment[] => {
    const out: Segment[] = [];
    let last = 0;
    for (const m of value.matchAll(INTERPOLATION)) {
      out.push({ kind: 'text', text: value.slice(last, m.index) });
      last = m.index + m[0].length;
      if (m[0] === '$$') {
        out.push({ kind: 'text', text: '$' });
        continue;
      }
      const name = m[1] ?? m[4]!;
      const param: ImportedParameter = app.parameters.get(name) ?? { name, required: false, description: `Variable ${name} of the Compose file.` };
      if (m[2] === ':-' || m[2] === '-') param.default ??= m[3];
      if (m[2] === ':?' || m[2] === '?') param.required = true;
      if (dotenv.has(name)) param.default = dotenv.get(name);
      app.parameters.set(name, param);
      out.push({ kind: 'param', name });
    }
    out.push({ kind: 'text', text: value.slice(last) });
    return mergeText(out);
  };
  const plain = (value: string) => resolveSegments(interpolate(value), app.parameters);

  for (const key of Object.keys(doc)) {
    if (key === 'version') r.dropped(key, 'obsolete in the Compose specification; nothing depends on it');
    else if (key === 'name') r.mapped(key, 'metadata.name');
    else if (key.startsWith('x-')) r.dropped(key, 'an extension field: its content is used where anchors refer to it, which the importer follows');
    else if (key === 'networks') r.dropped(key, 'instances share one network and reach each other by name');
    else if (key === 'secrets' || key === 'configs') r.dropped(key, 'file secrets and configs are not read: give their values as environment variables');
    else if (key !== 'services' && key !== 'volumes') r.dropped(key, 'not part of the Compose specification the importer reads');
  }
  const services = asObject(doc.services) ?? {};
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const source of Object.keys(services)) {
    const name = unique(safeName(source, 'service'), taken, 32);
    names.set(source, name);
    if (name !== source) r.renamed(`services.${source}`, name, 'instance names are lower-case letters, digits and "-" (at most 32)');
  }
  const topVolumes = asObject(doc.volumes) ?? {};
  if (doc.volumes !== undefined) r.mapped('volumes', 'runtime.volumes', 'named volumes become component volumes');

  for (const [source, raw] of Object.entries(services)) {
    const svc = withMerges(asObject(raw) ?? {});
    const at = `services.${source}`;
    const name = names.get(source)!;
    const image = asText(svc.image);
    if (image === undefined) {
      r.dropped(at, 'has no image: components run published images (a build: section is not run)');
      continue;
    }
    const service: ImportedService = { name, sourceName: source, sourcePath: at, image: plain(image), env: [], ports: [], volumes: [], dependsOn: [] };
    r.mapped(`${at}.image`, `${name}.image`);
    for (const [key, reason] of Object.entries(SERVICE_DROPS)) if (svc[key] !== undefined) r.dropped(`${at}.${key}`, reason);
    // environment, then env_file (Compose: environment wins)
    const env = new Map<string, Segment[]>();
    for (const file of typeof svc.env_file === 'string' ? [svc.env_file] : asArray(svc.env_file)) {
      const path = typeof file === 'string' ? file : asText(asObject(file)?.path);
      const text = path === undefined ? undefined : files(path);
      if (text === undefined) {
        r.dropped(`${at}.env_file`, `${path ?? 'an env_file'} was not available to the importer; its variables are not read`);
        continue;
      }
      for (const e of parseDotenv(text)) env.set(e.name, [{ kind: 'text', text: e.value }]);
      r.mapped(`${at}.env_file`, `${name}.inputs`, `variables of ${path}`);
    }
    const environment = svc.environment;
    if (Array.isArray(environment)) {
      for (const item of environment) {
        const line = asText(item) ?? '';
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        env.set(key, eq < 0 ? fromShell(key) : interpolate(line.slice(eq + 1)));
      }
    } else {
      for (const [key, value] of Object.entries(asObject(environment) ?? {})) {
        env.set(key, value === null || value === undefined ? fromShell(key) : interpolate(asText(value) ?? ''));
      }
    }
    if (environment !== undefined) r.mapped(`${at}.environment`, `${name}.inputs`);
    service.env = [...env.entries()].map(([key, value]) => ({ name: key, value }));
    // ports and expose
    for (const port of asArray(svc.ports)) {
      const parsed = parsePort(port, plain);
      if (parsed) service.ports.push(parsed);
      else r.dropped(`${at}.ports`, `the port ${JSON.stringify(port)} is a range or unreadable; give one port per entry`);
    }
    if (svc.ports !== undefined) r.mapped(`${at}.ports`, `${name}.runtime.ports`, "published host ports go to the app spec's publish");
    for (const port of asArray(svc.expose)) {
      const n = Number(plain(asText(port) ?? '').split('/')[0]);
      if (Number.isInteger(n) && n > 0 && n < 65536 && !service.ports.some((p) => p.port === n)) service.ports.push({ port: n, protocol: 'TCP' });
    }
    if (svc.expose !== undefined) r.mapped(`${at}.expose`, `${name}.runtime.ports`);
    // volumes
    for (const volume of asArray(svc.volumes)) {
      const v = parseVolume(volume, plain);
      if (!v) continue;
      if (v.bind) r.dropped(`${at}.volumes`, `the host folder ${v.bind} is not part of a component: ${v.path} becomes a named volume, empty at first start`);
      const size = v.name ? byteQuantity(asText(asObject(asObject(asObject(topVolumes[v.name])?.driver_opts))?.size)) : undefined;
      service.volumes.push({ path: v.path, ...(v.name ? { name: v.name } : {}), ...(size ? { size } : {}) });
    }
    if (svc.volumes !== undefined) r.mapped(`${at}.volumes`, `${name}.runtime.volumes`);
    if (svc.tmpfs !== undefined) r.dropped(`${at}.tmpfs`, 'tmpfs mounts are kept only by certified components; add them to the draft by hand');
    // health check
    const hc = asObject(svc.healthcheck);
    if (hc && hc.disable !== true) {
      const test = hc.test;
      const words = Array.isArray(test) ? test.map((t) => plain(asText(t) ?? '')) : undefined;
      const command = words ? (words[0] === 'CMD-SHELL' ? words.slice(1).join(' ') : words[0] === 'CMD' ? shellLine(words.slice(1)) : undefined) : asText(test);
      if (command) {
        service.health = {
          command,
          intervalSeconds: durationSeconds(asText(hc.interval)),
          timeoutSeconds: durationSeconds(asText(hc.timeout)),
          retries: typeof hc.retries === 'number' ? hc.retries : undefined,
          startPeriodSeconds: durationSeconds(asText(hc.start_period)),
        };
        r.mapped(`${at}.healthcheck`, `${name}.runtime.health`);
      } else r.dropped(`${at}.healthcheck`, 'a health check with no test (NONE) is no check');
    } else if (hc) r.dropped(`${at}.healthcheck`, 'disabled in the source');
    // resources and user
    const limits = asObject(asObject(asObject(svc.deploy)?.resources)?.limits);
    const cpu = asText(limits?.cpus ?? svc.cpus);
    const memory = byteQuantity(asText(limits?.memory ?? svc.mem_limit));
    if (cpu || memory) service.resources = { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) };
    if (svc.deploy !== undefined) r.mapped(`${at}.deploy`, `${name}.runtime.resources`, "resource limits only; replicas and placement are the target's");
    if (svc.mem_limit !== undefined) r.mapped(`${at}.mem_limit`, `${name}.runtime.resources.limits.memory`);
    if (svc.cpus !== undefined) r.mapped(`${at}.cpus`, `${name}.runtime.resources.limits.cpu`);
    const user = asText(svc.user);
    if (user !== undefined) {
      const m = /^([0-9]+)(?::([0-9]+))?$/.exec(user);
      if (m) {
        service.user = { runAsUser: Number(m[1]), ...(m[2] ? { runAsGroup: Number(m[2]) } : {}) };
        r.mapped(`${at}.user`, `${name}.runtime.securityContext`);
      } else r.dropped(`${at}.user`, `the user "${user}" is a name; a component gives a numeric user id`);
    }
    // command and entrypoint
    const words = (value: unknown) => (typeof value === 'string' ? shellWords(value) : asArray(value).map((v) => asText(v) ?? '')).map(interpolate);
    if (svc.command !== undefined && svc.command !== null) {
      service.args = words(svc.command);
      r.mapped(`${at}.command`, `${name}.runtime.args`);
    }
    if (svc.entrypoint !== undefined && svc.entrypoint !== null) {
      service.command = words(svc.entrypoint);
      r.mapped(`${at}.entrypoint`, `${name}.runtime.command`);
    }
    const depends = Array.isArray(svc.depends_on) ? svc.depends_on.map((d) => asText(d) ?? '') : Object.keys(asObject(svc.depends_on) ?? {});
    service.dependsOn = depends.map((d) => names.get(d)).filter((d): d is string => d !== undefined);
    if (svc.depends_on !== undefined) r.mapped(`${at}.depends_on`, `${name}.dependsOn`, 'started after those it depends on, once they are healthy');
    app.services.push(service);
  }
  // Another service's name in a value is wiring: `db:5432`, `postgres://db/…`.
  const hosts = new Map([...names].filter(([, n]) => app.services.some((s) => s.name === n)));
  for (const s of app.services) s.env = s.env.map((e) => ({ name: e.name, value: findHosts(e.value, hosts, s.name, isHostish(e.name)) }));
  return app;

  function fromShell(key: string): Segment[] {
    // `- KEY` alone: Compose takes the value from the shell running it.
    const param = app.parameters.get(key) ?? { name: key, required: false, description: `Variable ${key}, taken from the shell by Compose.` };
    app.parameters.set(key, param);
    return [{ kind: 'param', name: key }];
  }
}

/** `<<: *anchor` merge keys (YAML 1.1, which Compose reads): the merged maps' keys, then the service's own. */
function withMerges(svc: Obj): Obj {
  const merge = svc['<<'];
  if (merge === undefined) return svc;
  const sources = Array.isArray(merge) ? merge : [merge];
  const out: Obj = {};
  for (const s of sources.reverse()) Object.assign(out, asObject(s) ?? {});
  for (const [k, v] of Object.entries(svc)) if (k !== '<<') out[k] = v;
  return out;
}

function parsePort(port: unknown, plain: (s: string) => string): ImportedService['ports'][number] | undefined {
  const long = asObject(port);
  if (long) {
    const target = Number(long.target);
    const published = long.published === undefined ? undefined : Number(plain(String(long.published)));
    if (!Number.isInteger(target)) return undefined;
    return { port: target, protocol: long.protocol === 'udp' ? 'UDP' : 'TCP', ...(Number.isInteger(published) ? { published } : {}) };
  }
  const text = plain(asText(port) ?? '');
  const m = /^(?:(?:\[[^\]]*\]|[0-9]+\.[0-9.]+):)?(?:([0-9]+):)?([0-9]+)(?:\/(tcp|udp))?$/.exec(text);
  if (!m) return undefined;
  return { port: Number(m[2]), protocol: m[3] === 'udp' ? 'UDP' : 'TCP', ...(m[1] ? { published: Number(m[1]) } : {}) };
}

function parseVolume(volume: unknown, plain: (s: string) => string): { path: string; name?: string; bind?: string } | undefined {
  const long = asObject(volume);
  if (long) {
    const target = asText(long.target);
    if (!target) return undefined;
    const source = asText(long.source);
    return long.type === 'bind' ? { path: target, bind: source ?? '' } : { path: target, ...(source ? { name: source } : {}) };
  }
  const parts = plain(asText(volume) ?? '').split(':');
  if (parts.length === 1) return { path: parts[0]! };
  const [source, path] = parts as [string, string];
  return /^[./~]/.test(source) ? { path, bind: source } : { path, name: source };
}
