import { join } from 'node:path';
import { applyFilters, type ResolvedInstance, type ResolvedValue } from '../../../libs/composition/index.js';
import { parseYaml } from '../../../libs/manifest/index.js';
import { LOCK_FILE, type BundleFile, type Lock, type Target } from '../../../libs/render/index.js';

// Outputs people connect with, best first; else host and port.
const CONNECT_OUTPUTS = ['url', 'bootstrapServers', 'servers'];

/**
 * How to reach a one-instance bundle from this machine once it runs, from the instance's
 * outputs: the address with every secret part written `…`, and where each secret is kept
 * (never its value). Kubernetes and Helm need a port-forward first.
 */
export function connectHint(instance: ResolvedInstance, target: Target, app: string, shownDir: string, files: readonly BundleFile[]): string[] {
  const output = CONNECT_OUTPUTS.map((name) => instance.outputs[name]).find((o) => o !== undefined);
  const host = instance.outputs.host;
  const port = instance.outputs.port;
  if (!output && !(host && port)) return [];
  const secrets = new Set<string>();
  const address = output ? shown(output, instance, secrets) : `localhost:${shown(port!, instance, secrets)}`;
  const exposed = instance.ports.filter((p) => p.expose);
  const lines: string[] = [];
  // Helm names objects RELEASE-INSTANCE, the release being the app (as `next: helm install APP` says).
  const object = target === 'helm' ? `${app.slice(0, Math.max(0, 51 - instance.name.length))}-${instance.name}` : instance.name;
  if (target !== 'compose' && exposed.length > 0) {
    lines.push(`then: kubectl port-forward service/${object} ${exposed.map((p) => `${p.port}:${p.port}`).join(' ')}`);
  }
  const where = [...secrets].sort().map((input) => `${instance.name}.${input} ${secretPlace(target, instance.name, input, object, shownDir, files)}`);
  lines.push(`connect: ${address}${where.length > 0 ? ` (… is ${where.join('; ')})` : ''}`);
  return lines;
}

/** A resolved value as seen from the host: the instance's host is localhost, secrets are `…`. */
function shown(value: ResolvedValue, instance: ResolvedInstance, secrets: Set<string>): string {
  return value.parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'host') return 'localhost';
      if (part.kind === 'name') return part.instance;
      if (part.instance === instance.name && instance.secretInputs.includes(part.input)) {
        secrets.add(part.input);
        return '…';
      }
      return applyFilters(String(instance.inputs[part.input] ?? ''), part.filters);
    })
    .join('');
}

function secretPlace(target: Target, instanceName: string, input: string, object: string, shownDir: string, files: readonly BundleFile[]): string {
  if (target !== 'compose') return `in the Secret ${object}: kubectl get secret ${object} -o jsonpath='{.data.${input}}' | base64 -d`;
  const lockText = files.find((f) => f.path === LOCK_FILE)?.content;
  const lock = lockText === undefined ? undefined : (parseYaml(lockText).value as Lock | undefined);
  const locked = lock?.instances?.[instanceName]?.inputs?.[input];
  const ref = typeof locked === 'object' && locked !== null ? locked.ref : undefined;
  if (!ref) return `in ${join(shownDir, '.env')}`;
  const [file, names] = ref.split('#');
  return `in ${join(shownDir, file!)} as ${names!.split('+').join(' + ')}`;
}
