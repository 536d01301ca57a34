import { parse } from 'yaml';

/** What a service of a source file should become, read from the source by this test alone (not by the importers). */
export interface ExpectedService {
  name: string;
  image: string;
  /** Variable → its value, or `generated` (any non-empty value; equal wherever the same source variable is used). */
  env: Record<string, { value: string } | { generated: string }>;
  volumes: string[];
  published: number[];
}

type Obj = Record<string, any>;

const safe = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 32)
    .replace(/-+$/, '');

/** Compose fixtures: `${VAR:-default}` filled with its default. */
export function composeExpectations(text: string): ExpectedService[] {
  const doc = parse(text, { merge: true }) as Obj;
  const fill = (s: string) => s.replace(/\$\{([A-Za-z_0-9]+)(?::-([^}]*))?\}/g, (_, _n, d) => d ?? '');
  return Object.entries(doc.services as Obj).map(([name, s]: [string, Obj]) => {
    const env: ExpectedService['env'] = {};
    const list = Array.isArray(s.environment) ? s.environment.map((l: string) => l.split(/=(.*)/s)) : Object.entries(s.environment ?? {});
    for (const [k, v] of list) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) env[k] = { value: fill(String(v)) };
    return {
      name,
      image: s.image,
      env,
      volumes: (s.volumes ?? []).map((v: string) => v.split(':')[1]),
      published: (s.ports ?? []).map((p: string) => Number(p.split(':').slice(-2)[0])).filter((n: number) => n > 0 && !String(s.ports).includes(`${n}/`)),
    };
  });
}

/** CapRover apps: `$$cap_x` at its default, `$$cap_gen_random_hex` generated, `srv-captain--$$cap_appname-X` as X. */
export function capRoverExpectations(text: string): ExpectedService[] {
  const doc = parse(text) as Obj;
  const app = safe(doc.caproverOneClickApp.displayName);
  const vars = new Map<string, Obj>((doc.caproverOneClickApp.variables ?? []).map((v: Obj) => [String(v.id), v]));
  let generated = false;
  const fill = (s: string) =>
    s
      .replace(/srv-captain--\$\$cap_appname-([a-z0-9-]+)/g, '$1')
      .replace(/srv-captain--\$\$cap_appname/g, app)
      .replace(/\$\$cap_appname-/g, '')
      .replace(/\$\$cap_appname/g, app)
      .replace(/\$\$cap_[A-Za-z0-9_]+/g, (id) => {
        const d = vars.get(id)?.defaultValue;
        if (d === undefined && /pass|secret|token|key/i.test(id)) generated = true;
        if (d === undefined) return id === '$$cap_root_domain' ? '' : /pass|secret|token|key/i.test(id) ? `<${id}>` : 'change-me';
        if (String(d).startsWith('$$cap_gen_random_hex')) generated = true;
        return String(d).startsWith('$$cap_gen_random_hex') ? `<${id}>` : String(d);
      });
  return Object.entries(doc.services as Obj).map(([key, s]: [string, Obj]) => {
    const env: ExpectedService['env'] = {};
    const lines: string[] = s.caproverExtra?.dockerfileLines ?? [];
    const from = lines.filter((l) => l.startsWith('FROM ')).pop();
    for (const l of lines.slice(from ? lines.lastIndexOf(from) : 0)) {
      const m = /^ENV ([A-Za-z_0-9]+)[= ](.*)$/.exec(l);
      if (m) env[m[1]!] = { value: m[2]! };
    }
    for (const [k, v] of Object.entries(s.environment ?? {})) env[k] = { value: String(v) };
    for (const [k, v] of Object.entries(env)) {
      generated = false;
      const value = fill((v as { value: string }).value);
      env[k] = generated ? { generated: value } : { value };
    }
    const httpPort = String(s.caproverExtra?.notExposeAsWebApp) === 'true' ? undefined : Number(s.caproverExtra?.containerHttpPort ?? 80);
    return {
      name: fill(key),
      image: fill(s.image ?? from!.slice(5).split(' ')[0]!),
      env,
      volumes: (s.volumes ?? []).map((v: string) => fill(v).split(':')[1]),
      published: httpPort ? [httpPort] : [],
    };
  });
}

/** OpenShift Templates: parameters at their values, generated ones generated, Secrets read through secretKeyRef, images from ImageStream tags. */
export function openShiftExpectations(text: string): ExpectedService[] {
  const doc = parse(text) as Obj;
  const params = new Map<string, Obj>((doc.parameters ?? []).map((p: Obj) => [p.name, p]));
  let generated = false;
  const fill = (s: string) =>
    String(s).replace(/\$\{\{?([A-Za-z0-9_]+)\}?\}/g, (m, n) => {
      const p = params.get(n);
      if (!p) return m;
      if (p.generate === 'expression') {
        generated = true;
        return `<${n}>`;
      }
      return p.value ?? '';
    });
  const objects: Obj[] = doc.objects;
  const secret = (name: string, key: string) => objects.find((o) => o.kind === 'Secret' && fill(o.metadata.name) === name)?.stringData?.[key];
  const streams = new Set(objects.filter((o) => o.kind === 'ImageStream').map((o) => fill(o.metadata.name)));
  return objects
    .filter((o) => ['Deployment', 'DeploymentConfig'].includes(o.kind))
    .map((o) => {
      const c = o.spec.template.spec.containers[0];
      const env: ExpectedService['env'] = {};
      for (const e of c.env ?? []) {
        const raw = e.value ?? (e.valueFrom?.secretKeyRef ? secret(fill(e.valueFrom.secretKeyRef.name), fill(e.valueFrom.secretKeyRef.key)) : undefined);
        if (raw === undefined) continue;
        generated = false;
        const value = fill(raw);
        env[e.name] = generated ? { generated: value } : { value };
      }
      const triggers = [
        ...(o.spec.triggers ?? []).map((t: Obj) => t.imageChangeParams),
        ...JSON.parse(o.metadata.annotations?.['image.openshift.io/triggers'] ?? '[]'),
      ];
      const from = triggers.find((t: Obj) => t?.from?.kind === 'ImageStreamTag')?.from;
      const tag = fill(from.name);
      const image =
        fill(c.image).trim() ||
        `image-registry.openshift-image-registry.svc:5000/${streams.has(tag.split(':')[0]!) ? 'project' : fill(from.namespace ?? 'openshift')}/${tag}`;
      const routes = objects.filter((r) => r.kind === 'Route');
      return {
        name: safe(fill(o.metadata.name)),
        image,
        env,
        volumes: (c.volumeMounts ?? []).map((m: Obj) => m.mountPath),
        published:
          routes.length > 0 &&
          (c.ports ?? []).length > 0 &&
          objects.some(
            (s) =>
              s.kind === 'Service' &&
              routes.some((r) => fill(r.spec.to.name) === fill(s.metadata.name)) &&
              fill(s.spec.selector.name) === fill(o.spec.template.metadata.labels.name),
          )
            ? [c.ports[0].containerPort]
            : [],
      };
    });
}
