import type { ResolvedApp } from '../../composition/resolved-app.js';
import { buildInstanceObjects } from '../kubernetes/build-instance-objects.js';
import { waitPort, type ServiceWait } from '../kubernetes/build-wait-containers.js';
import { componentAnnotations, labelValue } from '../kubernetes/kubernetes-labels.js';
import { toYaml } from '../to-yaml.js';
import { withLock } from '../lock/render-lock.js';
import type { BundleFile, RenderOptions } from '../renderer.js';
import { chartInputs, type ChartInputs } from './chart-inputs.js';
import { buildHelmEnv, type HelmAppContext } from './helm-env.js';
import { HelmExpressions } from './helm-expressions.js';
import { helmRuntimeFields, runtimeFieldAction } from './helm-runtime-fields.js';
import { helpersTemplate } from './helpers-template.js';
import { notesTemplate } from './notes-template.js';
import { referencedInputs } from './referenced-inputs.js';
import { secretTemplate } from './secret-template.js';
import { TemplateActions } from './template-actions.js';
import { valuesFile } from './values-file.js';
import { valuesSchema } from './values-schema.js';

export const CHART_VERSION = '0.1.0';

/**
 * Renders an app as a Helm chart: Chart.yaml, values.yaml with each instance's inputs,
 * values.schema.json, per instance a folder of templates that read those values, and aisle.lock.
 */
export function renderHelm(app: ResolvedApp, options: RenderOptions = {}): BundleFile[] {
  const x = new HelmExpressions(app.name);
  const ctx: HelmAppContext = { x, instances: new Map(app.instances.map((i) => [i.name, i])), secretKeys: new Map() };
  const referenced = referencedInputs(app);
  const inputs = new Map<string, ChartInputs>(app.instances.map((i) => [i.name, chartInputs(i, referenced)]));
  const fixedText: Record<string, Record<string, unknown>> = {};
  const textsOf = (instance: string) => (fixedText[instance] ??= {});
  const files: BundleFile[] = [];
  for (const instance of app.instances) {
    const dir = `templates/${instance.name}`;
    const chart = inputs.get(instance.name)!;
    const { component } = instance;
    const labels = x.labels(instance.name, labelValue(component.name), labelValue(component.version), labelValue(component.aisle));
    const actions = new TemplateActions();
    const env = buildHelmEnv(instance, ctx, actions);
    Object.assign(textsOf(instance.name), env.fixedText);
    const waits: ServiceWait[] = [];
    for (const dependency of instance.dependsOn) {
      const producer = ctx.instances.get(dependency);
      const port = producer && waitPort(producer);
      if (!producer || !port) continue;
      const field = helmRuntimeFields(producer, ctx, actions, textsOf(dependency));
      waits.push({
        instance: dependency,
        host: actions.scalar(x.instanceName(dependency)),
        port: field(`ports.${port.index}.port`, port.port) as string | number,
      });
    }
    const image = chart.imageInput
      ? `${x.value(instance.name, chart.imageInput)} | quote`
      : `include ${x.helper('image')} (${x.value(instance.name, chart.imageKey)}) | quote`;
    const replicas = chart.replicasKey ? `${x.value(instance.name, chart.replicasKey)} | int64` : undefined;
    const objects = buildInstanceObjects(instance, {
      name: actions.scalar(`${x.instanceName(instance.name)} | quote`),
      headlessName: actions.scalar(`${x.headlessName(instance.name)} | quote`),
      labels: actions.block(labels),
      selectorLabels: actions.block(x.selectorLabels(instance.name)),
      annotations: componentAnnotations(instance),
      image: actions.scalar(image),
      env: env.env,
      ...(env.command ? { command: env.command } : {}),
      ...(env.args ? { args: env.args } : {}),
      waits,
      field: helmRuntimeFields(instance, ctx, actions, textsOf(instance.name)),
      ...(replicas ? { replicas: actions.scalar(replicas) } : {}),
    });
    for (const { file, object } of objects) {
      const content = actions.render(object);
      // The budget only makes sense above one replica, and the count may be set at install.
      const guarded = file === 'poddisruptionbudget.yaml' && replicas ? `{{- if gt (${replicas}) 1 }}\n${content}{{- end }}\n` : content;
      files.push({ path: `${dir}/${file}`, content: guarded });
    }
  }
  // Where NOTES.txt says each instance answers: its first exposed port, read from values like the Service's.
  const ports = new Map<string, string>();
  for (const instance of app.instances) {
    const port = waitPort(instance);
    if (!port) continue;
    const action = runtimeFieldAction(instance, `ports.${port.index}.port`, ctx, textsOf(instance.name), true);
    ports.set(instance.name, action === undefined ? String(port.port) : `{{ ${action} }}`);
  }
  for (const name of Object.keys(fixedText)) if (Object.keys(fixedText[name]!).length === 0) delete fixedText[name];
  for (const instance of app.instances) {
    const secrets = inputs.get(instance.name)!.secrets;
    const keys = ctx.secretKeys.get(instance.name) ?? new Set<string>();
    if (secrets.length === 0 && keys.size === 0) continue;
    files.push({ path: `templates/${instance.name}/secret.yaml`, content: secretTemplate(instance, x, secrets, keys) });
  }
  files.push(
    { path: 'Chart.yaml', content: chartFile(app, options.chartVersion ?? CHART_VERSION) },
    // aisle.lock describes the bundle, not the release: keep it out of packaged charts.
    { path: '.helmignore', content: 'aisle.lock\n.aisle/\n' },
    { path: 'values.yaml', content: valuesFile(app, inputs, fixedText), mode: 0o600 },
    { path: 'values.schema.json', content: valuesSchema(app, inputs) },
    { path: 'templates/_helpers.tpl', content: helpersTemplate(x) },
    { path: 'templates/NOTES.txt', content: notesTemplate(app, x, ports) },
  );
  return withLock(app, 'helm', (instance, input) => `values.yaml#${instance}.${input}`, files);
}

function chartFile(app: ResolvedApp, version: string): string {
  return toYaml({
    apiVersion: 'v2',
    name: app.name,
    description: `The ${app.name} app, composed by aisle from ${app.instances.length} certified component instance${app.instances.length === 1 ? '' : 's'}.`,
    type: 'application',
    version,
    appVersion: CHART_VERSION,
    // fsGroupChangePolicy and seccompProfile in pod security contexts.
    kubeVersion: '>=1.23.0-0',
  });
}
