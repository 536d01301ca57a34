import type { ResolvedApp, ResolvedInstance, ResolvedValue } from '../../composition/resolved-app.js';
import { buildInstanceObjects } from '../kubernetes/build-instance-objects.js';
import { buildKubernetesEnv } from '../kubernetes/build-kubernetes-env.js';
import { componentAnnotations, instanceLabels, selectorLabels } from '../kubernetes/kubernetes-labels.js';
import { literalField } from '../kubernetes/runtime-field-writer.js';
import { HEADLESS_SUFFIX } from '../kubernetes/render-kubernetes.js';
import { withLock } from '../lock/render-lock.js';
import type { BundleFile } from '../renderer.js';
import { toYaml } from '../to-yaml.js';
import { parameterize } from './parameterize.js';
import { parameterName, templateParameters } from './template-parameters.js';

export const TEMPLATE_FILE = 'template.yaml';

/** The annotation a Route carries with the host port the app spec published (read back by the importer). */
export const PUBLISH_ANNOTATION = 'aisle.dev/publish';

/**
 * Renders an app as one OpenShift Template (`template.openshift.io/v1`): the Kubernetes
 * objects of each instance, a Route for each published HTTP port, and every input as a
 * parameter (generated secrets as `generate: expression`), so `oc process -f template.yaml
 * | oc apply -f -` deploys it. Values that come from inputs are written `${PARAMETER}`.
 */
export function renderOpenShift(app: ResolvedApp): BundleFile[] {
  const byName = new Map(app.instances.map((i) => [i.name, i]));
  const objects: Array<Record<string, unknown>> = [];
  const parameters = app.instances.flatMap(templateParameters);
  for (const instance of app.instances) {
    const labels = instanceLabels(app, instance);
    const { env, command, args, secretData } = buildKubernetesEnv(parameterized(instance, byName));
    if (Object.keys(secretData).length > 0) {
      objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: instance.name, labels }, type: 'Opaque', stringData: secretData });
    }
    const built = buildInstanceObjects(instance, {
      name: instance.name,
      headlessName: `${instance.name}${HEADLESS_SUFFIX}`,
      labels,
      selectorLabels: selectorLabels(app, instance),
      annotations: componentAnnotations(instance),
      image: instance.image,
      env,
      ...(command ? { command } : {}),
      ...(args ? { args } : {}),
      // Start order is OpenShift's readiness checks' business, as in its own templates.
      waits: [],
      field: literalField,
    });
    // Published ports travel as an annotation on the Service, so importing the Template gives them back.
    const published = Object.entries(instance.publish)
      .map(([name, port]) => `${name}=${port}`)
      .sort();
    for (const b of built) {
      if (b.file === 'service.yaml' && published.length > 0) {
        const metadata = b.object.metadata as Record<string, unknown>;
        b.object.metadata = { ...metadata, annotations: { [PUBLISH_ANNOTATION]: published.join(',') } };
      }
      objects.push(b.object);
    }
    for (const port of instance.ports) {
      const host = instance.publish[port.name];
      if (host === undefined || !port.expose || port.protocol !== 'TCP' || !isHttp(instance, port.name)) continue;
      objects.push({
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: {
          name: instance.ports.length === 1 ? instance.name : `${instance.name}-${port.name}`,
          labels,
          annotations: { [PUBLISH_ANNOTATION]: String(host) },
        },
        spec: { to: { kind: 'Service', name: instance.name, weight: 100 }, port: { targetPort: port.name } },
      });
    }
  }
  const template = {
    apiVersion: 'template.openshift.io/v1',
    kind: 'Template',
    metadata: {
      name: app.name,
      annotations: {
        'openshift.io/display-name': app.name,
        description: `The app ${app.name}, composed by aisle from ${app.instances.length} component${app.instances.length === 1 ? '' : 's'}.`,
      },
    },
    labels: { 'app.kubernetes.io/part-of': app.name },
    objects,
    parameters,
  };
  // A secret the user gave is a parameter's value: the file is then private.
  const holdsSecrets = app.instances.some((i) => i.secretInputs.some((s) => !i.generatedInputs.includes(s)));
  const file: BundleFile = { path: TEMPLATE_FILE, content: toYaml(template), ...(holdsSecrets ? { mode: 0o600 } : {}) };
  return withLock(
    app,
    'openshift',
    (instance, input) => {
      const i = byName.get(instance);
      return i && !i.generatedInputs.includes(input) ? `${TEMPLATE_FILE}#${parameterName(instance, input)}` : undefined;
    },
    [file],
  );
}

/** An instance whose values and secret inputs read `${PARAMETER}` where they come from inputs. */
function parameterized(instance: ResolvedInstance, app: ReadonlyMap<string, ResolvedInstance>): ResolvedInstance {
  const inputs = { ...instance.inputs };
  for (const input of instance.secretInputs) if (inputs[input] !== undefined) inputs[input] = `\${${parameterName(instance.name, input)}}`;
  const value = <T extends ResolvedValue>(v: T): T => ({ ...v, value: parameterize(v, app) });
  return {
    ...instance,
    inputs,
    env: instance.env.map(value),
    ...(instance.command ? { command: instance.command.map(value) } : {}),
    ...(instance.args ? { args: instance.args.map(value) } : {}),
  };
}

function isHttp(instance: ResolvedInstance, portName: string): boolean {
  return portName.startsWith('http') || portName === 'web' || (instance.ports.length === 1 && instance.component.provides.includes('http'));
}
