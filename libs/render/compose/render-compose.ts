import { applyFilters, type ResolvedApp, type ResolvedInstance, type ResolvedValue } from '../../composition/index.js';
import { toYaml } from '../to-yaml.js';
import { withLock } from '../lock/render-lock.js';
import type { BundleFile } from '../renderer.js';
import { composeCpus, composeMemory } from './compose-quantities.js';
import { EnvFilePlan } from './env-file-plan.js';

export const COMPOSE_FILE = 'compose.yaml';
export const ENV_FILE = '.env';

/** Compose interpolates `$` everywhere in compose.yaml; `$$` is a literal dollar. */
function escapeDollars(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/**
 * Renders a resolved app as a Docker Compose bundle: `compose.yaml` (no secret inside:
 * those are `${VAR}` references), `.env` holding the secrets (mode 0600), and `aisle.lock`.
 */
export function renderCompose(app: ResolvedApp): BundleFile[] {
  const plan = new EnvFilePlan(app);
  const byName = new Map(app.instances.map((i) => [i.name, i]));
  const text = (v: ResolvedValue, label: string, hint: string): string => {
    if (!v.secret) return escapeDollars(v.value);
    const explained = v.parts.some((p) => p.kind === 'input' && plan.has(p.instance, p.input));
    if (!explained) return plan.whole(label, hint, v.value);
    return v.parts
      .map((p) => {
        switch (p.kind) {
          case 'text':
            return escapeDollars(p.text);
          case 'host':
          case 'name':
            return p.instance;
          case 'input': {
            if (plan.has(p.instance, p.input)) return plan.reference(p.instance, p.input, p.filters, (t) => applyFilters(t, p.filters));
            const raw = byName.get(p.instance)?.inputs[p.input];
            return escapeDollars(applyFilters(raw === undefined ? '' : String(raw), p.filters));
          }
        }
      })
      .join('');
  };
  const services: Record<string, unknown> = {};
  const volumes: Record<string, Record<string, never>> = {};
  for (const instance of app.instances) {
    services[instance.name] = service(instance, byName, text);
    for (const v of instance.volumes) volumes[`${instance.name}-${v.name}`] = {};
  }
  const document: Record<string, unknown> = { services };
  if (Object.keys(volumes).length > 0) document.volumes = volumes;
  const files: BundleFile[] = [
    // docker-compose reads YAML 1.1, where a bare yes, on or 0x1F is not a string: toYaml quotes by 1.1 rules.
    { path: COMPOSE_FILE, content: toYaml(document) },
  ];
  // Rendered last: references above may add derived variables to the plan.
  const env = plan.render();
  if (env) files.push({ path: ENV_FILE, content: env, mode: 0o600 });
  return withLock(app, 'compose', (instance, input) => plan.lockRef(instance, input), files);
}

type Text = (v: ResolvedValue, label: string, hint: string) => string;

function service(instance: ResolvedInstance, byName: Map<string, ResolvedInstance>, text: Text): Record<string, unknown> {
  const name = instance.name;
  const s: Record<string, unknown> = { image: escapeDollars(instance.image) };
  // Kubernetes' command replaces the image's entrypoint and args its command; Compose names them so.
  if (instance.command) s.entrypoint = instance.command.map((v, i) => text(v, `${name}.command.${i}`, `${name}_COMMAND_${i}`));
  if (instance.args) s.command = instance.args.map((v, i) => text(v, `${name}.args.${i}`, `${name}_ARGS_${i}`));
  if (instance.env.length > 0) {
    s.environment = Object.fromEntries(instance.env.map((e) => [e.name, text(e, `${name}.env.${e.name}`, `${name}_${e.name}`)]));
  }
  const ports = instance.ports.filter((p) => instance.publish[p.name] !== undefined);
  if (ports.length > 0) s.ports = ports.map((p) => `${instance.publish[p.name]}:${p.port}${p.protocol === 'UDP' ? '/udp' : ''}`);
  if (instance.volumes.length > 0) s.volumes = instance.volumes.map((v) => `${name}-${v.name}:${v.path}`);
  if (instance.tmpfs.length > 0) s.tmpfs = [...instance.tmpfs];
  const sc = instance.securityContext;
  if (sc.runAsUser !== undefined) s.user = sc.runAsGroup !== undefined ? `${sc.runAsUser}:${sc.runAsGroup}` : `${sc.runAsUser}`;
  if (sc.readOnlyRootFilesystem) s.read_only = true;
  const h = instance.health;
  if (h.command !== undefined) {
    s.healthcheck = {
      test: ['CMD-SHELL', escapeDollars(h.command)],
      interval: `${h.intervalSeconds}s`,
      timeout: `${h.timeoutSeconds}s`,
      retries: h.retries,
      ...(h.startPeriodSeconds > 0 ? { start_period: `${h.startPeriodSeconds}s` } : {}),
    };
  }
  if (instance.dependsOn.length > 0) {
    s.depends_on = Object.fromEntries(
      instance.dependsOn.map((d) => [d, { condition: byName.get(d)?.health.command !== undefined ? 'service_healthy' : 'service_started' }]),
    );
  }
  const r = instance.resources;
  s.deploy = {
    ...(instance.replicas !== undefined ? { replicas: instance.replicas } : {}),
    resources: {
      limits: { cpus: composeCpus(r.limits.cpu), memory: composeMemory(r.limits.memory) },
      reservations: { cpus: composeCpus(r.requests.cpu), memory: composeMemory(r.requests.memory) },
    },
  };
  if (instance.stopGracePeriodSeconds !== undefined) s.stop_grace_period = `${instance.stopGracePeriodSeconds}s`;
  s.restart = 'unless-stopped';
  s.labels = { 'dev.aisle.component': instance.component.name, 'dev.aisle.version': instance.component.version };
  return s;
}
