import { parse } from 'yaml';
import { parseDotenv, type BundleFile } from '../../libs/render/index.js';
import { helmTemplateMany } from '../bundles/helm-run.js';
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

/**
 * What each workload's container sees once each chart is rendered by the real helm (release
 * `rel`, values from values.yaml), all charts in one helm run.
 */
export function helmContainerEnvs(charts: ReadonlyArray<readonly BundleFile[]>): ContainerEnv[] {
  // Only what env comes from: Services and NOTES.txt would only add to the run's time.
  const needed = (files: readonly BundleFile[]) =>
    files.filter((f) => !f.path.startsWith('templates/') || f.path === 'templates/_helpers.tpl' || WORKLOAD_OR_SECRET.test(f.path.slice('templates/'.length)));
  return helmTemplateMany(charts.map((files) => ({ files: needed(files) }))).map((r) =>
    containerEnv([...r.objects.values()], (name) => name.replace(/^rel-/, '')),
  );
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
