import type { ImportedApp } from './imported-app.js';
import { importCompose } from './import-compose.js';
import { safeName } from './safe-name.js';
import { asArray, asObject, asText, recorder, type Obj } from './source-helpers.js';
import { patternFromRegex } from './pattern-from-regex.js';

const RANDOM = /^\$\$cap_gen_random_hex\(([0-9]+)\)$/;

/**
 * Reads a CapRover one-click app (captainVersion 4): its services are Compose services
 * written with `$$cap_…` variables, declared with defaults and `validRegex` under
 * `caproverOneClickApp.variables`. `$$cap_appname` is the app's name, and
 * `srv-captain--$$cap_appname-X` is how one service reaches another.
 */
export function importCapRover(doc: Obj): ImportedApp {
  const oneClick = asObject(doc.caproverOneClickApp) ?? {};
  const appName = safeName(asText(oneClick.displayName) ?? 'app', 'app', 32);
  // Defaults written into the Compose interpolation, so images and ports read with them.
  const defaults = new Map<string, string>();
  for (const v of asArray(oneClick.variables)) {
    const o = asObject(v) ?? {};
    const value = asText(o.defaultValue);
    if (value !== undefined && !RANDOM.test(value) && !/[{}$]/.test(value)) defaults.set((asText(o.id) ?? '').replace(/^\$\$cap_/, ''), value);
  }
  const rename = (text: string) =>
    text
      .replace(/srv-captain--\$\$cap_appname(-[A-Za-z0-9_-]+)?/g, (_, suffix: string | undefined) => (suffix ? suffix.slice(1) : appName))
      .replace(/\$\$cap_appname-/g, '')
      .replace(/\$\$cap_appname/g, appName)
      .replace(/\$\$cap_([A-Za-z0-9_]+)/g, (_, id: string) => (defaults.has(id) ? `\${${id}:-${defaults.get(id)}}` : `\${${id}}`));
  const services: Obj = {};
  const built: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(asObject(doc.services) ?? {})) {
    const service = rewrite(value, rename) as Obj;
    const lines = asArray(asObject(service.caproverExtra)?.dockerfileLines).map((l) => asText(l) ?? '');
    if (service.image === undefined && lines.length > 0) Object.assign(service, fromDockerfile(lines, service));
    if (lines.length > 0) built.push([rename(key), asText(service.image) ?? '']);
    services[rename(key)] = service;
  }
  const app = importCompose({ services });
  const r = recorder(app);
  app.entries = app.entries.filter((e) => !e.source.includes('.caproverExtra'));
  app.name = appName;
  app.sweep = { ...doc, services };
  const description = asText(oneClick.description);
  if (description) app.description = description.slice(0, 4000);
  r.mapped('captainVersion', 'apiVersion', 'recognised as a CapRover one-click app, version 4');
  for (const key of Object.keys(doc)) if (!['captainVersion', 'services', 'caproverOneClickApp'].includes(key)) r.dropped(key, 'not part of a one-click app');
  for (const key of Object.keys(oneClick)) {
    if (key === 'variables') r.mapped('caproverOneClickApp.variables', 'inputs', 'each variable becomes an input of the components using it');
    else if (key === 'displayName' || key === 'description') r.mapped(`caproverOneClickApp.${key}`, 'metadata');
    else r.dropped(`caproverOneClickApp.${key}`, 'shown by CapRover while installing; not part of a component');
  }
  asArray(oneClick.variables).forEach((v, i) => {
    const o = asObject(v) ?? {};
    const id = (asText(o.id) ?? '').replace(/^\$\$cap_/, '');
    const param = app.parameters.get(id);
    if (!param) {
      r.dropped(`caproverOneClickApp.variables.${i}`, `the variable ${id} is not used by any service`);
      return;
    }
    const label = asText(o.label);
    const more = asText(o.description);
    param.description = [label, more].filter(Boolean).join(': ') || param.description;
    const fallback = asText(o.defaultValue);
    const random = fallback === undefined ? undefined : RANDOM.exec(fallback);
    if (random) param.generate = 'hex';
    else if (fallback !== undefined) param.default = rename(fallback).replace(/\$\{[A-Za-z0-9_]+\}/g, (m) => app.parameters.get(m.slice(2, -1))?.default ?? '');
    param.required = o.defaultValue === undefined;
    const regex = asText(o.validRegex);
    if (regex) {
      const pattern = patternFromRegex(regex);
      if (pattern) param.pattern = pattern;
      else r.dropped(`caproverOneClickApp.variables.${i}.validRegex`, 'the expression uses flags or syntax a safe pattern cannot say');
    }
  });
  // CapRover serves every service as a web app (on containerHttpPort, else 80) unless told not to.
  for (const [key, value] of Object.entries(asObject(doc.services) ?? {})) {
    const extra = asObject(asObject(value)?.caproverExtra) ?? {};
    const name = rename(key);
    const service = app.services.find((s) => s.sourceName === name);
    const at = `services.${name}.caproverExtra`;
    const httpPort = Number(asText(extra.containerHttpPort) ?? 80);
    if (service && extra.notExposeAsWebApp !== 'true' && extra.notExposeAsWebApp !== true) {
      const port = Number.isInteger(httpPort) && httpPort > 0 ? httpPort : 80;
      const existing = service.ports.find((p) => p.port === port);
      if (existing) Object.assign(existing, { http: true, published: existing.published ?? port });
      else service.ports.push({ port, protocol: 'TCP', http: true, name: 'http', published: port });
      r.mapped(
        extra.containerHttpPort !== undefined ? `${at}.containerHttpPort` : `services.${name}`,
        `${service.name}.publish`,
        `CapRover serves port ${port} as a web app: published`,
      );
    } else if (extra.notExposeAsWebApp !== undefined) r.mapped(`${at}.notExposeAsWebApp`, `${name}.runtime.ports`, 'not published');
    const base = built.find(([n]) => n === name)?.[1];
    if (extra.dockerfileLines !== undefined)
      r.mapped(
        `${at}.dockerfileLines`,
        `${name}.image`,
        `the image it builds FROM (${base}) runs, with its ENV, CMD and ENTRYPOINT; other build steps (RUN, COPY) are dropped: components run published images, never a build`,
      );
    if (extra.websocketSupport !== undefined) r.dropped(`${at}.websocketSupport`, "the proxy in front is the target's");
  }
  return app;
}

function rewrite(value: unknown, rename: (s: string) => string): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((v) => rewrite(v, rename));
  const o = asObject(value);
  if (!o) return value;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [rename(k), rewrite(v, rename)]));
}

/** What a one-click app's Dockerfile lines say that a Compose service can: the last FROM image, its ENV, CMD and ENTRYPOINT. */
function fromDockerfile(lines: readonly string[], service: Obj): Obj {
  const last = lines.map((l) => l.trim()).reduce((at, l, i) => (/^FROM\s/i.test(l) ? i : at), 0);
  const stage = lines.slice(last).map((l) => l.trim());
  const out: Obj = {};
  const environment: Obj = { ...(asObject(service.environment) ?? {}) };
  const json = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  for (const line of stage) {
    const [word, ...rest] = line.split(/\s+/);
    const value = rest.join(' ');
    if (/^FROM$/i.test(word!)) out.image = rest[0];
    else if (/^ENV$/i.test(word!)) {
      const eq = value.indexOf('=');
      const [k, v] = eq < 0 ? [rest[0]!, rest.slice(1).join(' ')] : [value.slice(0, eq), value.slice(eq + 1)];
      if (!Object.hasOwn(environment, k)) environment[k] = v;
    } else if (/^CMD$/i.test(word!)) out.command = json(value);
    else if (/^ENTRYPOINT$/i.test(word!)) out.entrypoint = json(value);
  }
  if (Object.keys(environment).length > 0) out.environment = environment;
  return out;
}
