import type { ImportedApp } from './imported-app.js';
import { importCompose } from './import-compose.js';
import { safeName, unique } from './safe-name.js';
import { asArray, asObject, asText, recorder, shellWords, type Obj } from './source-helpers.js';

/**
 * Reads a Nulecule file: each `graph` component with its `params` and its Docker
 * provider artifact (a `docker run` line, read from `files` when the caller could read
 * it beside the Nulecule file). `$name` in the artifact is a param.
 */
export function importNulecule(doc: Obj, files: (path: string) => string | undefined = () => undefined): ImportedApp {
  const services: Obj = {};
  const taken = new Set<string>();
  const notes: Array<[string, 'mapped' | 'dropped', string]> = [];
  const params: Array<{ name: string; description?: string; default?: string }> = [];
  asArray(doc.graph).forEach((g, i) => {
    const o = asObject(g) ?? {};
    const at = `graph.${i}`;
    const name = unique(safeName(asText(o.name) ?? `component${i}`, `component${i}`), taken, 32);
    const declared = new Map<string, string | undefined>();
    asArray(o.params).forEach((p) => {
      const po = asObject(p) ?? {};
      const pname = asText(po.name) ?? '';
      declared.set(pname, asText(po.default));
      params.push({
        name: `${name}_${pname}`,
        ...(asText(po.description) ? { description: asText(po.description) } : {}),
        ...(po.default !== undefined ? { default: asText(po.default) } : {}),
      });
    });
    const subst = (text: string) =>
      text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, p: string) => {
        if (!declared.has(p)) return m;
        const fallback = declared.get(p);
        return fallback !== undefined && !/[{}$]/.test(fallback) ? `\${${name}_${p}:-${fallback}}` : `\${${name}_${p}}`;
      });
    const artifacts = asObject(o.artifacts) ?? {};
    const docker = asArray(artifacts.docker).map((a) => asText(a) ?? '');
    const runLine = docker.map((file) => files(file.replace(/^file:\/\//, ''))).find((t) => t !== undefined);
    const source = asText(o.source);
    const service: Obj = {};
    if (runLine) {
      Object.assign(service, dockerRun(subst(runLine.replace(/\\\n/g, ' ').trim())));
      notes.push([`${at}.artifacts.docker`, 'mapped', `${name}: the docker run line`]);
    } else if (source?.startsWith('docker://')) {
      service.image = source.slice('docker://'.length);
      notes.push([`${at}.source`, 'mapped', `${name}.image`]);
    } else if (declared.get('image')) {
      service.image = declared.get('image');
      notes.push([`${at}.params`, 'mapped', `${name}.image`]);
    }
    if (!service.image) {
      notes.push([at, 'dropped', 'neither a Docker artifact the importer could read nor an image: give the artifact file beside the Nulecule file']);
      return;
    }
    // Params the artifact does not use still belong to the component: as environment variables.
    const environment = (service.environment as Obj | undefined) ?? {};
    for (const p of declared.keys()) {
      if (p === 'image') continue;
      if (!JSON.stringify(service).includes(`\${${name}_${p}`)) environment[p.toUpperCase()] = subst(`$${p}`);
    }
    if (Object.keys(environment).length > 0) service.environment = environment;
    services[name] = service;
    notes.push([`${at}.params`, 'mapped', `${name}.inputs`]);
    for (const [provider] of Object.entries(artifacts))
      if (provider !== 'docker')
        notes.push([`${at}.artifacts.${provider}`, 'dropped', 'one provider is read (docker); the others describe the same containers']);
    for (const key of Object.keys(o))
      if (!['name', 'params', 'artifacts', 'source'].includes(key)) notes.push([`${at}.${key}`, 'dropped', 'not part of a component']);
  });
  const app = importCompose({ services });
  app.format = 'nulecule';
  app.name = safeName(asText(doc.id) ?? 'app', 'app', 40);
  const description = asText(asObject(doc.metadata)?.description);
  if (description) app.description = description.slice(0, 4000);
  app.entries = app.entries.filter((e) => e.status !== 'mapped');
  const r = recorder(app);
  for (const key of Object.keys(doc)) {
    if (key === 'graph') continue;
    if (key === 'id' || key === 'metadata') r.mapped(key, 'metadata');
    else if (key === 'specversion') r.mapped(key, 'apiVersion', 'recognised as a Nulecule file');
    else r.dropped(key, 'not part of a component');
  }
  for (const [source, status, what] of notes) {
    if (status === 'mapped') r.mapped(source, what);
    else r.dropped(source, what);
  }
  for (const p of params) {
    const param = app.parameters.get(p.name);
    if (!param) continue;
    if (p.description) param.description = p.description;
    if (p.default !== undefined) param.default = p.default;
    param.required = p.default === undefined;
  }
  return app;
}

/** A `docker run` line as a Compose service: image, -e, -p, -v and the command after the image. */
function dockerRun(line: string): Obj {
  const words = shellWords(line);
  const start = words.indexOf('run');
  const out: Obj = {};
  const environment: Obj = {};
  const ports: string[] = [];
  const volumes: string[] = [];
  for (let i = start + 1; i < words.length; i++) {
    const w = words[i]!;
    const next = () => words[++i] ?? '';
    if (w === '-e' || w === '--env') {
      const [k, ...v] = next().split('=');
      environment[k!] = v.join('=');
    } else if (w === '-p' || w === '--publish') ports.push(next());
    else if (w === '-v' || w === '--volume') volumes.push(next());
    else if (w === '--name' || w === '--restart' || w === '--network' || w === '-u' || w === '--user') {
      const value = next();
      if (w === '-u' || w === '--user') out.user = value;
    } else if (w.startsWith('-')) continue;
    else {
      out.image = w;
      if (i + 1 < words.length) out.command = words.slice(i + 1);
      break;
    }
  }
  if (Object.keys(environment).length > 0) out.environment = environment;
  if (ports.length > 0) out.ports = ports;
  if (volumes.length > 0) out.volumes = volumes;
  return out;
}
