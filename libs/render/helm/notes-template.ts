import type { ResolvedApp } from '../../composition/resolved-app.js';
import type { HelmExpressions } from './helm-expressions.js';

/** templates/NOTES.txt: what was installed, where each instance answers (port: a number or the action printing it), where generated secrets are. */
export function notesTemplate(app: ResolvedApp, x: HelmExpressions, ports: ReadonlyMap<string, string>): string {
  const lines = [
    '{{ .Chart.Name }} is installed as release {{ .Release.Name }} in namespace {{ .Release.Namespace }}.',
    '',
    'Instances, and the host:port other pods in the namespace reach them at:',
  ];
  for (const instance of app.instances) {
    const port = ports.get(instance.name);
    const where = port === undefined ? '(no service)' : `{{ ${x.instanceName(instance.name)} }}:${port}`;
    lines.push(`  ${instance.name} (${instance.component.name} ${instance.component.version}): ${where}`);
  }
  lines.push(
    '',
    'Secrets left empty in values are generated at install and kept across upgrades, in the',
    "instances' Secrets. Read one with:",
    '  kubectl get secret --namespace {{ .Release.Namespace }} NAME -o jsonpath="{.data.KEY}" | base64 -d',
  );
  return `${lines.join('\n')}\n`;
}
