import type { ResolvedInstance } from '../../composition/resolved-app.js';
import { labelValue } from '../kubernetes/kubernetes-labels.js';
import type { HelmExpressions } from './helm-expressions.js';
import { secretRule } from './secret-generator.js';
import { TemplateActions } from './template-actions.js';

/**
 * An instance's Secret template: each secret input is computed once (given, else kept
 * from the live Secret, else generated), then written under its own key and under each
 * filtered variant other templates read (`password.urlencode`), so every use agrees.
 */
export function secretTemplate(instance: ResolvedInstance, x: HelmExpressions, inputs: readonly string[], keys: ReadonlySet<string>): string {
  const actions = new TemplateActions();
  const lines = [
    `{{- $name := ${x.instanceName(instance.name)} }}`,
    // `with` rather than `(lookup …).data`: an absent Secret has no data key, an error under `helm lint --strict`.
    '{{- $previous := dict }}',
    '{{- with lookup "v1" "Secret" $.Release.Namespace $name }}{{ $previous = .data | default dict }}{{ end }}',
  ];
  const data: Record<string, string> = {};
  for (const input of inputs) {
    const rule = secretRule(instance, input);
    const variable = `$input_${input}`;
    const args = [
      `"given" (${x.value(instance.name, input)})`,
      `"previous" (index $previous ${x.literal(input)})`,
      `"generate" ${x.literal(rule.generate ?? '')}`,
      `"length" ${rule.length}`,
      `"path" ${x.literal(`${instance.name}.${input}`)}`,
    ];
    lines.push(`{{- ${variable} := include ${x.helper('secretValue')} (dict ${args.join(' ')}) }}`);
    data[input] = actions.scalar(`${variable} | b64enc | quote`);
  }
  for (const key of [...keys].sort()) {
    if (key in data) continue;
    const [input, ...filters] = key.split('.');
    let e = `$input_${input}`;
    for (const _filter of filters) e += ` | include ${x.helper('urlencode')}`;
    data[key] = actions.scalar(`${e} | b64enc | quote`);
  }
  const { component } = instance;
  const object = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: actions.scalar('$name | quote'),
      // As on every other object of the instance: a scoped name's `/` or a version's `+` is no label value.
      labels: actions.block(x.labels(instance.name, labelValue(component.name), labelValue(component.version), labelValue(component.aisle))),
    },
    type: 'Opaque',
    data: sortKeys(data),
  };
  return `${lines.join('\n')}\n${actions.render(object)}`;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}
