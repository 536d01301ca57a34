import type { ImportedApp, ImportedHealth, ImportedService, Segment } from './imported-app.js';
import { templateParameters, templateSegments } from './openshift-parameters.js';
import { safeName, unique } from './safe-name.js';
import { findHosts, isHostish, resolveSegments } from './segments.js';
import { asArray, asObject, asText, durationSeconds, recorder, shellLine, type Obj } from './source-helpers.js';

/** Where OpenShift's internal registry serves an ImageStream's images. */
export const INTERNAL_REGISTRY = 'image-registry.openshift-image-registry.svc:5000';

const WORKLOADS = new Set(['DeploymentConfig', 'Deployment', 'StatefulSet']);
const OBJECT_DROPS: Record<string, string> = {
  BuildConfig: 'builds from source are not run: the built image is named by its ImageStream tag',
  ImageStream: 'an ImageStream only names images; the image reference it stands for is used',
  ServiceAccount: 'each target runs instances with its default service account',
  RoleBinding: 'access rules are not part of a component',
  ConfigMap: 'read where the environment refers to it',
  NetworkPolicy: 'network rules are not part of a component',
};
const CONTAINER_KEYS = new Set([
  'name',
  'image',
  'env',
  'ports',
  'volumeMounts',
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'resources',
  'securityContext',
  'command',
  'args',
]);

/** Reads an OpenShift Template (`kind: Template`) into the importers' common form. */
export function importOpenShiftTemplate(doc: Obj): ImportedApp {
  const parameters = templateParameters(doc);
  const metadata = asObject(doc.metadata) ?? {};
  const annotations = asObject(metadata.annotations) ?? {};
  const app: ImportedApp = {
    format: 'openshift',
    name: safeName(asText(metadata.name) ?? 'app', 'app', 40),
    ...(asText(annotations.description) ? { description: asText(annotations.description)!.slice(0, 4000) } : {}),
    parameters,
    services: [],
    entries: [],
  };
  const r = recorder(app);
  for (const key of Object.keys(doc)) {
    if (key === 'parameters') r.mapped(key, 'inputs', 'each parameter becomes an input of the components using it');
    else if (key === 'metadata') r.mapped(key, 'metadata', 'name and description');
    else if (key === 'objects') continue;
    else if (key === 'kind' || key === 'apiVersion') r.mapped(key, 'apiVersion', 'recognised as an OpenShift Template');
    else if (key === 'message') r.dropped(key, 'a message OpenShift shows after processing; the import report and the bundle say what was made');
    else if (key === 'labels') r.dropped(key, 'labels are set by each target');
    else r.dropped(key, 'not a field of a Template the importer reads');
  }
  const plain = (value: unknown) => resolveSegments(templateSegments(asText(value) ?? '', parameters), parameters);
  const objects = asArray(doc.objects).map((o) => asObject(o) ?? {});
  const secrets = new Map<string, Map<string, Segment[]>>();
  const claims = new Map<string, string>();
  const services: Obj[] = [];
  const routes: Obj[] = [];
  const streams = new Set<string>();
  objects.forEach((o, i) => {
    const kind = asText(o.kind) ?? '';
    const name = plain(asObject(o.metadata)?.name);
    const at = `objects.${i}`;
    if (kind === 'Secret' || kind === 'ConfigMap') {
      const values = new Map<string, Segment[]>();
      for (const [k, v] of Object.entries(asObject(o.stringData) ?? {})) values.set(k, templateSegments(asText(v) ?? '', parameters));
      for (const [k, v] of Object.entries(asObject(o.data) ?? {}))
        values.set(k, templateSegments(kind === 'Secret' ? Buffer.from(asText(v) ?? '', 'base64').toString('utf8') : (asText(v) ?? ''), parameters));
      secrets.set(`${kind}/${name}`, values);
      r.mapped(at, 'inputs', `${kind} ${name}: its values become inputs where the environment reads them`);
    } else if (kind === 'PersistentVolumeClaim') {
      claims.set(name, plain(asObject(asObject(asObject(o.spec)?.resources)?.requests)?.storage));
      r.mapped(at, 'runtime.volumes', `claim ${name}: its size`);
    } else if (kind === 'Service') {
      services.push(o);
      r.mapped(at, 'runtime.ports', `Service ${name}: its name is the host others reach the instance by`);
    } else if (kind === 'Route') {
      routes.push(o);
      r.mapped(at, 'publish', `Route ${name}: its port is published`);
    } else if (kind === 'ImageStream') {
      streams.add(name);
      r.dropped(at, OBJECT_DROPS.ImageStream!);
    } else if (!WORKLOADS.has(kind)) r.dropped(at, OBJECT_DROPS[kind] ?? `a ${kind || 'nameless'} object is not part of a component`);
  });
  const taken = new Set<string>();
  const hosts = new Map<string, string>();
  objects.forEach((o, i) => {
    const kind = asText(o.kind) ?? '';
    if (!WORKLOADS.has(kind)) return;
    const at = `objects.${i}`;
    const workload = plain(asObject(o.metadata)?.name);
    const spec = asObject(o.spec) ?? {};
    const pod = asObject(asObject(spec.template)?.spec) ?? {};
    const podLabels = asObject(asObject(asObject(spec.template)?.metadata)?.labels) ?? {};
    const containers = asArray(pod.containers).map((c) => asObject(c) ?? {});
    r.mapped(at, 'components', `${kind} ${workload}: a component per container`);
    for (const key of Object.keys(spec))
      if (!['template', 'selector', 'replicas', 'strategy', 'triggers', 'serviceName', 'volumeClaimTemplates'].includes(key))
        r.dropped(`${at}.spec.${key}`, 'not part of a component');
    if (spec.replicas !== undefined && spec.replicas !== 1) r.dropped(`${at}.spec.replicas`, 'instances run one replica');
    if (spec.strategy !== undefined) r.dropped(`${at}.spec.strategy`, 'each target chooses how to replace a pod');
    containers.forEach((c, n) => {
      const cat = `${at}.spec.template.spec.containers.${n}`;
      const name = unique(safeName(containers.length === 1 ? workload : `${workload}-${plain(c.name)}`, 'service'), taken, 32);
      if (name !== workload) r.renamed(cat, name, 'instance names are lower-case letters, digits and "-" (at most 32), one per container');
      for (const key of Object.keys(c)) if (!CONTAINER_KEYS.has(key)) r.dropped(`${cat}.${key}`, 'not part of a component');
      const service: ImportedService = {
        name,
        sourceName: workload,
        sourcePath: cat,
        image: imageOf(o, c, n, plain, streams),
        env: [],
        ports: [],
        volumes: [],
        dependsOn: [],
      };
      r.mapped(`${cat}.image`, `${name}.image`);
      for (const e of asArray(c.env).map((x) => asObject(x) ?? {})) {
        const envName = asText(e.name) ?? '';
        if (e.value !== undefined) service.env.push({ name: envName, value: templateSegments(asText(e.value) ?? '', parameters) });
        else {
          const ref = asObject(asObject(e.valueFrom)?.secretKeyRef) ?? asObject(asObject(e.valueFrom)?.configMapKeyRef);
          const kindOf = asObject(asObject(e.valueFrom)?.secretKeyRef) ? 'Secret' : 'ConfigMap';
          const value = ref ? secrets.get(`${kindOf}/${plain(ref.name)}`)?.get(plain(ref.key)) : undefined;
          if (value) service.env.push({ name: envName, value });
          else r.dropped(`${cat}.env.${envName}`, 'read from the cluster (a field, or a Secret not in the Template): not known when importing');
        }
      }
      if (c.env !== undefined) r.mapped(`${cat}.env`, `${name}.inputs`);
      for (const p of asArray(c.ports).map((x) => asObject(x) ?? {})) {
        const port = Number(p.containerPort);
        if (Number.isInteger(port))
          service.ports.push({ port, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP', ...(asText(p.name) ? { name: asText(p.name) } : {}) });
      }
      if (c.ports !== undefined) r.mapped(`${cat}.ports`, `${name}.runtime.ports`);
      const podVolumes = new Map(asArray(pod.volumes).map((v) => [plain(asObject(v)?.name), asObject(v) ?? {}] as const));
      // A StatefulSet's claim templates are volumes of the pod, claimed under their own names.
      for (const t of asArray(spec.volumeClaimTemplates).map((x) => asObject(x) ?? {})) {
        const claim = plain(asObject(t.metadata)?.name);
        podVolumes.set(claim, { persistentVolumeClaim: { claimName: claim } });
        claims.set(claim, plain(asObject(asObject(asObject(t.spec)?.resources)?.requests)?.storage));
      }
      for (const m of asArray(c.volumeMounts).map((x) => asObject(x) ?? {})) {
        const volume = podVolumes.get(plain(m.name));
        const claim = volume ? plain(asObject(volume.persistentVolumeClaim)?.claimName) : '';
        if (volume && (volume.persistentVolumeClaim || volume.emptyDir)) {
          const size = claim ? claims.get(claim) : undefined;
          service.volumes.push({ path: plain(m.mountPath), name: plain(m.name), ...(size ? { size } : {}) });
          if (volume.emptyDir) r.mapped(`${cat}.volumeMounts`, `${name}.runtime.volumes`, `the emptyDir ${plain(m.name)} becomes a volume that keeps its data`);
        } else r.dropped(`${cat}.volumeMounts.${plain(m.name)}`, 'only claims and emptyDir volumes are part of a component');
      }
      if (c.volumeMounts !== undefined) r.mapped(`${cat}.volumeMounts`, `${name}.runtime.volumes`);
      const probe = asObject(c.readinessProbe) ?? asObject(c.livenessProbe) ?? asObject(c.startupProbe);
      if (probe) service.health = probeHealth(probe, c, plain);
      for (const key of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        if (c[key] === undefined) continue;
        if (asObject(c[key]) === probe) r.mapped(`${cat}.${key}`, `${name}.runtime.health`);
        else r.dropped(`${cat}.${key}`, 'one health check per component: the readiness probe is kept');
      }
      const limits = asObject(asObject(c.resources)?.limits) ?? {};
      const memory = plain(limits.memory);
      const cpu = plain(limits.cpu);
      if (memory || cpu) service.resources = { ...(memory ? { memory } : {}), ...(cpu ? { cpu } : {}) };
      if (c.resources !== undefined) r.mapped(`${cat}.resources`, `${name}.runtime.resources`);
      const sc = { ...(asObject(pod.securityContext) ?? {}), ...(asObject(c.securityContext) ?? {}) };
      const user = { runAsUser: sc.runAsUser, runAsGroup: sc.runAsGroup, fsGroup: sc.fsGroup };
      const numeric = Object.fromEntries(Object.entries(user).filter(([, v]) => typeof v === 'number'));
      if (Object.keys(numeric).length > 0) service.user = numeric;
      if (c.securityContext !== undefined)
        r.mapped(`${cat}.securityContext`, `${name}.runtime.securityContext`, 'user and group ids; privileges and capabilities are not part of a component');
      if (c.command !== undefined) service.command = asArray(c.command).map((w) => templateSegments(asText(w) ?? '', parameters));
      if (c.args !== undefined) service.args = asArray(c.args).map((w) => templateSegments(asText(w) ?? '', parameters));
      if (c.command !== undefined) r.mapped(`${cat}.command`, `${name}.runtime.command`);
      if (c.args !== undefined) r.mapped(`${cat}.args`, `${name}.runtime.args`);
      // The Services selecting this pod: their names are the hosts others use.
      for (const s of services) {
        const selector = asObject(asObject(s.spec)?.selector) ?? {};
        const selects = Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => plain(podLabels[k]) === plain(v));
        if (!selects) continue;
        hosts.set(plain(asObject(s.metadata)?.name), name);
        // aisle's own Templates say which ports were published on the host (`http=8080,…`).
        const annotated = asText(asObject(asObject(s.metadata)?.annotations)?.['aisle.dev/publish']) ?? '';
        for (const pair of annotated.split(',').filter(Boolean)) {
          const [portName, host] = pair.split('=');
          const servicePort = asArray(asObject(s.spec)?.ports)
            .map((p) => asObject(p) ?? {})
            .find((p) => asText(p.name) === portName);
          const port = service.ports.find((p) => p.name === portName || p.name === asText(servicePort?.targetPort));
          if (port && Number.isInteger(Number(host))) port.published = Number(host);
        }
        for (const route of routes) {
          const to = asObject(asObject(route.spec)?.to);
          if (plain(to?.name) !== plain(asObject(s.metadata)?.name)) continue;
          const target = asText(asObject(asObject(route.spec)?.port)?.targetPort);
          const servicePort = asArray(asObject(s.spec)?.ports)
            .map((p) => asObject(p) ?? {})
            .find((p) => target === undefined || asText(p.name) === target || asText(p.port) === target || asText(p.targetPort) === target);
          const number = Number(plain(servicePort?.targetPort ?? servicePort?.port));
          const port = service.ports.find((p) => p.port === number || (p.name !== undefined && p.name === asText(servicePort?.targetPort)));
          const annotated = Number(asText(asObject(asObject(route.metadata)?.annotations)?.['aisle.dev/publish']));
          if (port) Object.assign(port, { http: true, published: Number.isInteger(annotated) && annotated > 0 ? annotated : port.port });
        }
      }
      app.services.push(service);
    });
  });
  // A parameter whose value is another service's name is a host reference (DATABASE_SERVICE_NAME).
  for (const s of app.services) {
    s.env = s.env.map((e) => ({
      name: e.name,
      value: findHosts(
        e.value.map((seg) => {
          // Only where the variable or the parameter says it names a service: a database may share a service's name.
          const target = seg.kind === 'param' ? hosts.get(parameters.get(seg.name)?.default ?? '\0') : undefined;
          const says = isHostish(e.name) || (seg.kind === 'param' && /SERVICE|HOST/.test(seg.name));
          return target !== undefined && target !== s.name && says ? { kind: 'host' as const, service: target } : seg;
        }),
        hosts,
        s.name,
        isHostish(e.name),
      ),
    }));
    s.dependsOn = [...new Set(s.env.flatMap((e) => e.value.filter((v) => v.kind === 'host').map((v) => (v as { service: string }).service)))].sort();
  }
  return app;
}

function imageOf(workload: Obj, container: Obj, index: number, plain: (v: unknown) => string, streams: ReadonlySet<string>): string {
  const image = plain(container.image).trim();
  if (image !== '') return image;
  // The image comes from an ImageStream tag through a trigger (DeploymentConfig) or an annotation (Deployment).
  const triggers: unknown[] = [...asArray(asObject(workload.spec)?.triggers).map((t) => asObject(asObject(t)?.imageChangeParams))];
  const annotation = asText(asObject(asObject(workload.metadata)?.annotations)?.['image.openshift.io/triggers']);
  if (annotation) {
    try {
      triggers.push(...asArray(JSON.parse(annotation)));
    } catch {
      // An unreadable annotation names no image; the fallback below says so.
    }
  }
  for (const t of triggers) {
    const from = asObject(asObject(t)?.from);
    if (asText(from?.kind) !== 'ImageStreamTag') continue;
    const names = asArray(asObject(t)?.containerNames).map((n) => plain(n));
    const field = asText(asObject(t)?.fieldPath) ?? '';
    if (names.length > 0 ? !names.includes(plain(container.name)) : field !== '' && !field.includes(`[${index}]`)) continue;
    const tag = plain(from!.name);
    const namespace = streams.has(tag.split(':')[0]!) ? 'project' : plain(from!.namespace) || 'openshift';
    return `${INTERNAL_REGISTRY}/${namespace}/${tag}`;
  }
  return `${INTERNAL_REGISTRY}/project/${safeName(plain(container.name), 'app')}:1.0.0`;
}

function probeHealth(probe: Obj, container: Obj, plain: (v: unknown) => string): ImportedHealth {
  const timing = {
    intervalSeconds: typeof probe.periodSeconds === 'number' ? probe.periodSeconds : undefined,
    timeoutSeconds: typeof probe.timeoutSeconds === 'number' ? probe.timeoutSeconds : undefined,
    retries: typeof probe.failureThreshold === 'number' ? probe.failureThreshold : undefined,
    startPeriodSeconds: durationSeconds(typeof probe.initialDelaySeconds === 'number' ? String(probe.initialDelaySeconds) : undefined),
  };
  const portOf = (value: unknown) => {
    const n = Number(plain(value));
    if (Number.isInteger(n)) return n;
    const named = asArray(container.ports)
      .map((p) => asObject(p) ?? {})
      .find((p) => asText(p.name) === plain(value));
    return Number(named?.containerPort ?? 0);
  };
  const exec = asArray(asObject(probe.exec)?.command).map((w) => plain(w));
  if (exec.length > 0) return { command: exec.length === 3 && /sh$/.test(exec[0]!) && exec[1] === '-c' ? exec[2]! : shellLine(exec), ...timing };
  const http = asObject(probe.httpGet);
  if (http) return { http: { port: portOf(http.port), path: plain(http.path) || '/' }, ...timing };
  return { tcp: { port: portOf(asObject(probe.tcpSocket)?.port) }, ...timing };
}
