import { stringify } from 'yaml';

/** One instance of an app spec, as app.schema.json reads it. */
export interface SpecInstance {
  component: string;
  inputs?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

/** An app spec as YAML text, written by the YAML library (never by string templates). */
export function appSpecYaml(name: string, instances: Record<string, SpecInstance>): string {
  const clean = Object.fromEntries(
    Object.entries(instances).map(([n, i]) => [
      n,
      {
        component: i.component,
        ...(i.inputs && Object.keys(i.inputs).length > 0 ? { inputs: i.inputs } : {}),
        ...(i.env && Object.keys(i.env).length > 0 ? { env: i.env } : {}),
      },
    ]),
  );
  return stringify({ apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name }, instances: clean });
}
