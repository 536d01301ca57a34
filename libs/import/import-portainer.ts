import type { ImportedApp } from './imported-app.js';
import { importCompose } from './import-compose.js';
import { safeName, unique } from './safe-name.js';
import { asArray, asObject, asText, recorder, type Obj } from './source-helpers.js';

const TEMPLATE_KEYS: Record<string, string> = {
  type: 'mapped',
  title: 'mapped',
  name: 'mapped',
  description: 'mapped',
  image: 'mapped',
  env: 'mapped',
  ports: 'mapped',
  volumes: 'mapped',
  command: 'mapped',
  logo: "a picture for Portainer's list",
  categories: "Portainer's own categories; the draft's aisle is chosen from the image",
  platform: 'the image decides its platforms',
  note: 'shown by Portainer while deploying',
  restart_policy: "restart policies are the target's",
  administrator_only: "who may deploy is the catalog's business",
  labels: 'labels are set by each target',
  maintainer: 'not part of a component',
  privileged: 'privileged containers are refused by the certification rules',
  interactive: 'not part of a component',
  hostname: 'the host name is the instance name',
  network: 'instances share one network',
  registry: 'the image reference names its registry',
};

/**
 * Reads Portainer app templates (v2 and v3 JSON): each container template (type 1)
 * becomes a service of one app; its `env` entries become inputs (`label` as the
 * description, `default`, a `select`'s values as the allowed ones, `preset` ones fixed).
 */
export function importPortainer(doc: Obj): ImportedApp {
  const services: Obj = {};
  const taken = new Set<string>();
  const params: Array<{ name: string; description: string; default?: string; enum?: string[] }> = [];
  const notes: Array<[string, string, string?]> = [];
  asArray(doc.templates).forEach((t, i) => {
    const o = asObject(t) ?? {};
    const at = `templates.${i}`;
    if (o.type !== 1 && o.type !== undefined) {
      notes.push([at, 'dropped', 'a stack template (type 2 or 3) names a repository holding its Compose file: import that file instead']);
      return;
    }
    const name = unique(safeName(asText(o.name) ?? asText(o.title) ?? `app${i}`, `app${i}`), taken, 32);
    const environment: Obj = {};
    asArray(o.env).forEach((e, n) => {
      const env = asObject(e) ?? {};
      const variable = asText(env.name) ?? '';
      const param = `t${i}_${variable}`;
      const select = asArray(env.select).map((s) => asObject(s) ?? {});
      const chosen = select.find((s) => s.default === true) ?? select[0];
      const value = asText(env.default) ?? asText(chosen?.value) ?? '';
      if (env.preset === true) environment[variable] = value.replace(/\$/g, '$$$$');
      else {
        environment[variable] = `\${${param}}`;
        params.push({
          name: param,
          description: [asText(env.label), asText(env.description)].filter(Boolean).join(': ') || `Variable ${variable}.`,
          ...(value !== '' || env.default !== undefined ? { default: value } : {}),
          ...(select.length > 0 ? { enum: select.map((s) => asText(s.value) ?? '') } : {}),
        });
      }
      notes.push([`${at}.env.${n}`, 'mapped', `${name}.inputs`]);
    });
    const volumes = asArray(o.volumes).map((v) => {
      const vo = asObject(v) ?? {};
      if (vo.bind !== undefined)
        notes.push([`${at}.volumes`, 'dropped', `the host folder ${asText(vo.bind)} is not part of a component: a named volume instead`]);
      return asText(vo.container) ?? '/data';
    });
    services[name] = {
      image: asText(o.image),
      ...(Object.keys(environment).length > 0 ? { environment } : {}),
      ...(o.ports !== undefined ? { ports: asArray(o.ports) } : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
      ...(asText(o.command) ? { command: asText(o.command) } : {}),
    };
    for (const key of Object.keys(o)) {
      const what = TEMPLATE_KEYS[key];
      if (what === 'mapped') notes.push([`${at}.${key}`, 'mapped', name]);
      else notes.push([`${at}.${key}`, 'dropped', what ?? 'not a field of a Portainer template the importer reads']);
    }
  });
  const app = importCompose({ services });
  app.format = 'portainer';
  app.name = 'portainer-templates';
  app.entries = [];
  const r = recorder(app);
  for (const key of Object.keys(doc)) {
    if (key === 'version') r.mapped(key, 'apiVersion', `recognised as Portainer templates, version ${asText(doc.version) ?? '?'}`);
    else if (key !== 'templates') r.dropped(key, 'not part of a Portainer templates file');
  }
  for (const [source, status, what] of notes) {
    if (status === 'mapped') r.mapped(source, what ?? '');
    else r.dropped(source, what ?? '');
  }
  for (const p of params) {
    const param = app.parameters.get(p.name);
    if (!param) continue;
    param.description = p.description;
    if (p.default !== undefined) param.default = p.default;
    if (p.enum) param.enum = p.enum;
  }
  return app;
}
