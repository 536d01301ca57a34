import type { ResolvedApp, ResolvedInstance } from '../../composition/resolved-app.js';
import { buildServices } from '../kubernetes/build-services.js';
import type { ServiceWait } from '../kubernetes/build-wait-containers.js';
import { buildWorkload } from '../kubernetes/build-workload.js';
import { componentAnnotations, labelValue } from '../kubernetes/kubernetes-labels.js';
import { toYaml } from '../to-yaml.js';
import { withLock } from '../lock/render-lock.js';
import type { BundleFile } from '../renderer.js';
import { chartInputs, type ChartInputs } from './chart-inputs.js';
import { buildHelmEnv, type HelmAppContext } from './helm-env.js';
import { HelmExpressions } from './helm-expressions.js';
import { helpersTemplate } from './helpers-template.js';
import { notesTemplate } from './notes-template.js';
import { secretTemplate } from './secret-template.js';
import { TemplateActions } from './template-actions.js';
import { valuesFile } from './values-file.js';
import { valuesSchema } from './values-schema.js';

export const CHART_VERSION = '0.1.0';

/**
 * Renders an app as a Helm chart: Chart.yaml, values.yaml with each instance's inputs,
 * values.schema.json, per instance a folder of templates that read those values, and aisle.lock.
 */
export function renderHelm(app: ResolvedApp): BundleFile[] {
  const x = new HelmExpressions(app.name);
  const ctx: HelmAppContext = { x, instances: new Map(app.instances.map((i) => [i.name, i])), secretKeys: new Map() };
  const inputs = new Map<string, ChartInputs>(app.instances.map((i) => [i.name, chartInputs(i)]));
  const ports = new Map<string, number>();
  for (const instance of app.instances) {
    const port = instance.ports.find((p) => p.expose);
    if (port) ports.set(instance.name, port.port);
  }
  const files: BundleFile[] = [];
  const fixedText: Record<string, unknown> = {};
  for (const instance of app.instances) {
    const dir = `templates/${instance.name}`;
    const chart = inputs.get(instance.name)!;
    const { component } = instance;
    const labels = x.labels(instance.name, labelValue(component.name), labelValue(component.version), labelValue(component.aisle));
    const actions = new TemplateActions();
    const env = buildHelmEnv(instance, ctx, actions);
    if (Object.keys(env.fixedText).length > 0) fixedText[instance.name] = env.fixedText;
    const waits: ServiceWait[] = [];
    for (const dependency of instance.dependsOn) {
      const port = ports.get(dependency);
      if (port !== undefined) waits.push({ instance: dependency, host: actions.scalar(x.instanceName(dependency)), port });
    }
    const image = chart.imageInput
      ? `${x.value(instance.name, chart.imageInput)} | quote`
      : `include ${x.helper('image')} (${x.value(instance.name, chart.imageKey)}) | quote`;
    const workload = buildWorkload(instance, {
      name: actions.scalar(`${x.instanceName(instance.name)} | quote`),
      labels: actions.block(labels),
      selectorLabels: actions.block(x.selectorLabels(instance.name)),
      annotations: componentAnnotations(instance),
      image: actions.scalar(image),
      env: env.env,
      ...(env.command ? { command: env.command } : {}),
      ...(env.args ? { args: env.args } : {}),
      waits,
      headlessServiceName: actions.scalar(`${x.headlessName(instance.name)} | quote`),
    });
    files.push({ path: `${dir}/${instance.stateful ? 'statefulset' : 'deployment'}.yaml`, content: actions.render(workload) });
    files.push(...serviceFiles(instance, x, labels, dir));
  }
  for (const instance of app.instances) {
    const secrets = inputs.get(instance.name)!.secrets;
    const keys = ctx.secretKeys.get(instance.name) ?? new Set<string>();
    if (secrets.length === 0 && keys.size === 0) continue;
    files.push({ path: `templates/${instance.name}/secret.yaml`, content: secretTemplate(instance, x, secrets, keys) });
  }
  files.push(
    { path: 'Chart.yaml', content: chartFile(app) },
    // aisle.lock describes the bundle, not the release: keep it out of packaged charts.
    { path: '.helmignore', content: 'aisle.lock\n' },
    { path: 'values.yaml', content: valuesFile(app, inputs, fixedText), mode: 0o600 },
    { path: 'values.schema.json', content: valuesSchema(app, inputs) },
    { path: 'templates/_helpers.tpl', content: helpersTemplate(x) },
    { path: 'templates/NOTES.txt', content: notesTemplate(app, x, ports) },
  );
  return withLock(app, 'helm', (instance, input) => `values.yaml#${instance}.${input}`, files);
}

function serviceFiles(instance: ResolvedInstance, x: HelmExpressions, labels: string, dir: string): BundleFile[] {
  const actions = new TemplateActions();
  const services = buildServices(instance, {
    name: actions.scalar(`${x.instanceName(instance.name)} | quote`),
    headlessName: actions.scalar(`${x.headlessName(instance.name)} | quote`),
    labels: actions.block(labels),
    selectorLabels: actions.block(x.selectorLabels(instance.name)),
  });
  const out: BundleFile[] = [];
  if (services.service) out.push({ path: `${dir}/service.yaml`, content: actions.render(services.service) });
  if (services.headless) out.push({ path: `${dir}/service-headless.yaml`, content: actions.render(services.headless) });
  return out;
}

function chartFile(app: ResolvedApp): string {
  return toYaml({
    apiVersion: 'v2',
    name: app.name,
    description: `The ${app.name} app, composed by aisle from ${app.instances.length} certified component instance${app.instances.length === 1 ? '' : 's'}.`,
    type: 'application',
    version: CHART_VERSION,
    appVersion: CHART_VERSION,
    // fsGroupChangePolicy and seccompProfile in pod security contexts.
    kubeVersion: '>=1.23.0-0',
  });
}
