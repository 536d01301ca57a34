import { parse, parseAllDocuments } from 'yaml';
import { parseDotenv, type BundleFile } from '../../libs/render/index.js';
import { renderChart } from '../../libs/render/helm/testdata/render-chart.js';
import { expandLikeKubelet } from '../../libs/render/kubernetes/testdata/expand-like-kubelet.js';

type Obj = Record<string, any>;

const WORKLOAD_OR_SECRET = /^[a-z0-9-]+\/(deployment|statefulset|secret)\.yaml$/;

/** Instance → variable → the value its container would see. */
export type ContainerEnv = Record<string, Record<string, string>>;

/**
 * What each service's container sees in a Compose bundle: compose.yaml read as YAML 1.1
 * (docker-compose's reader), `${NAME}` taken from .env, `$$` turned back into `$`.
 */
export function composeContainerEnv(files: readonly BundleFile[]): ContainerEnv {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const dotenv = new Map(parseDotenv(byPath.get('.env') ?? '').map((e) => [e.name, e.value]));
  const compose = parse(byPath.get('compose.yaml')!, { version: '1.1' }) as Obj;
  const out: ContainerEnv = {};
  for (const [name, service] of Object.entries(compose.services as Obj)) {
    out[name] = {};
    for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string>)) {
      out[name][key] = String(value).replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, variable: string | undefined) => {
        if (variable === undefined) return '$';
        const v = dotenv.get(variable);
        if (v === undefined) throw new Error(`compose.yaml refers to \${${variable}}, which .env does not define`);
        return v;
      });
    }
  }
  return out;
}

/** What each workload's container sees in a Kubernetes bundle: env expanded like the kubelet, secrets from the Secrets. */
export function kubernetesContainerEnv(files: readonly BundleFile[]): ContainerEnv {
  const objects: Obj[] = files.filter((f) => WORKLOAD_OR_SECRET.test(f.path)).map((f) => parse(f.content, { version: '1.1' }) as Obj);
  return containerEnv(objects, (name) => name);
}

/** What each workload's container sees once the chart is rendered (release `rel`), values from values.yaml. */
export function helmContainerEnv(files: readonly BundleFile[]): ContainerEnv {
  const objects: Obj[] = [];
  // Only what env comes from: rendering Services and NOTES.txt too would double the time a fuzz case takes.
  const needed = files.filter((f) => !f.path.startsWith('templates/') || f.path === 'templates/_helpers.tpl' || WORKLOAD_OR_SECRET.test(f.path.slice('templates/'.length)));
  for (const [path, text] of renderChart(needed)) {
    if (!path.endsWith('.yaml')) continue;
    for (const doc of parseAllDocuments(text, { version: '1.1' })) {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]!.message}`);
      const object = doc.toJS() as Obj | null;
      if (object) objects.push(object);
    }
  }
  return containerEnv(objects, (name) => name.replace(/^rel-/, ''));
}

function containerEnv(objects: readonly Obj[], instanceOf: (objectName: string) => string): ContainerEnv {
  const secrets = new Map(objects.filter((o) => o.kind === 'Secret').map((o) => [o.metadata.name as string, o]));
  const secretValue = (name: string, key: string): string => {
    const secret = secrets.get(name);
    const value = secret?.stringData?.[key] ?? (secret?.data?.[key] === undefined ? undefined : Buffer.from(secret.data[key], 'base64').toString('utf8'));
    if (value === undefined) throw new Error(`no key ${key} in Secret ${name}`);
    return value;
  };
  const out: ContainerEnv = {};
  for (const workload of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
    const seen: Record<string, string> = {};
    for (const variable of workload.spec.template.spec.containers[0].env ?? []) {
      if (variable.value !== undefined) seen[variable.name] = expandLikeKubelet(String(variable.value), seen);
      else seen[variable.name] = secretValue(variable.valueFrom.secretKeyRef.name, variable.valueFrom.secretKeyRef.key);
    }
    out[instanceOf(workload.metadata.name)] = seen;
  }
  return out;
}
