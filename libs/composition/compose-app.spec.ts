import { describe, expect, it } from 'vitest';
import { loadCatalog, shippedCatalogDir } from '../catalog/index.js';
import { parseAppSpec, type AppSpec, type InstanceSpec } from '../manifest/index.js';
import { composeApp } from './compose-app.js';

const catalog = loadCatalog(shippedCatalogDir()).index;
const app = (instances: Record<string, InstanceSpec>): AppSpec => ({ apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'shop' }, instances });
const codes = (r: ReturnType<typeof composeApp>) => r.diagnostics.map((d) => `${d.code} ${d.path}`);

describe('composeApp', () => {
  it('tells what is wrong with a reference inside a secret input without quoting it', () => {
    const password = 'x${{ hunter2.url }}${{ cache.hunter3 }}${{ hunter4 }}';
    const r = composeApp(app({ db: { component: 'postgresql', inputs: { database: 'app', password } }, cache: { component: 'redis' } }), catalog);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'WIRING_UNKNOWN_INSTANCE db.inputs.password',
      'WIRING_UNKNOWN_OUTPUT db.inputs.password',
      'TEMPLATE_INVALID db.inputs.password',
    ]);
    for (const d of r.diagnostics) expect(d.message).toMatch(/^a reference in this input \(not shown: the input is secret or unknown\)/);
    expect(JSON.stringify(r.diagnostics)).not.toContain('hunter');
    // A plain input's reference is quoted, with a suggestion.
    const plain = composeApp(app({ db: { component: 'postgresql', inputs: { database: '${{ cache.ur }}' } }, cache: { component: 'redis' } }), catalog);
    expect(plain.diagnostics[0]!.message).toContain('"${{ cache.ur }}": cache (redis) has no output "ur" (did you mean "url"?)');
  });

  // Composition has no target (aisle validate neither): a spec Compose cannot run is refused for Kubernetes and Helm too.
  it('refuses two instances publishing the same host port, for every target, at the second one', () => {
    const web = (publish: Record<string, number>): InstanceSpec => ({ component: 'web-app', inputs: { image: 'a/b:1' }, publish });
    const r = composeApp(app({ b: web({ http: 8080 }), a: web({ http: 8080 }), c: web({ http: 8081 }) }), catalog);
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['PORT_CONFLICT', 'b.publish.http', 'host port 8080/TCP is already published by a.publish.http'],
    ]);
    expect(r.app).toBeUndefined();
    const exposed = composeApp(app({ db: { component: 'postgresql', publish: { postgresql: 5432 } }, other: { component: 'postgresql' } }), catalog, {
      publishExposed: true,
    });
    expect(codes(exposed)).toEqual(['PORT_CONFLICT other.publish.postgresql']);
  });

  it('reports a wrong-typed input once, on its path, and evaluates nothing of that instance with it', () => {
    const r = composeApp(app({ web: { component: 'web-app', inputs: { image: 'a/b:1', port: 'eighty' as unknown as number } } }), catalog);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`)).toEqual(['INPUT_INVALID web.inputs.port: must be an integer']);
    expect(JSON.stringify(r)).not.toContain('eighty');
    // A wiring to an instance whose inputs are invalid is not a second problem.
    const wired = composeApp(
      app({
        web: { component: 'web-app', inputs: { image: 'a/b:1', port: 'eighty' as unknown as number } },
        other: { component: 'web-app', inputs: { image: 'a/b:1' }, env: { U: '${{ web.url }}' } },
      }),
      catalog,
    );
    expect(codes(wired)).toEqual(['INPUT_INVALID web.inputs.port']);
  });

  it('gives its diagnostics the position of their node in a parsed app spec, and none to a spec built in code', () => {
    const text =
      'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db:\n    component: postgresql\n    inputs:\n      databse: shop\n    publish: { pg: 5432 }\n';
    const parsed = parseAppSpec(text, 'app.yaml');
    const r = composeApp(parsed.value!, catalog);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.path}`)).toEqual(['app.yaml:8:7 db.inputs.databse', 'app.yaml:9:16 db.publish.pg']);
    const plain = composeApp(JSON.parse(JSON.stringify(parsed.value)) as AppSpec, catalog);
    expect(plain.diagnostics.map((d) => [d.file, d.line])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('reports a lone surrogate in an input or env value instead of throwing on it', () => {
    const r = composeApp(
      app({
        db: { component: 'postgresql', inputs: { database: 'app', password: 'abcdefghijkl\uD800' } },
        web: { component: 'web-app', inputs: { image: 'a/b:1' }, env: { URL: '${{ db.url }}', Y: 'a\uDC00' } },
      }),
      catalog,
    );
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`)).toEqual([
      'INPUT_INVALID db.inputs.password: must be well-formed Unicode text (it contains an unpaired surrogate)',
      'INPUT_INVALID web.env.Y: must be well-formed Unicode text (it contains an unpaired surrogate)',
    ]);
  });

  it('reports an input named __proto__ (JSON makes it an own key) instead of dropping it', () => {
    const r = composeApp(app({ db: { component: 'postgresql', inputs: JSON.parse('{"__proto__": "x", "constructor": "y"}') } }), catalog);
    expect(codes(r)).toEqual(['INPUT_UNKNOWN db.inputs.__proto__', 'INPUT_UNKNOWN db.inputs.constructor']);
  });

  it('wires an output into env, keeps its parts down to the producer inputs, and marks it secret', () => {
    const r = composeApp(
      app({
        db: { component: 'postgresql@^16', inputs: { database: 'shop', password: 'p@ss word/123' } },
        web: { component: 'web-app', inputs: { image: 'docker.io/traefik/whoami:v1.10' }, env: { DATABASE_URL: 'jdbc:${{ db.url }}' } },
      }),
      catalog,
    );
    expect(r.diagnostics).toEqual([]);
    const web = r.app!.instances.find((i) => i.name === 'web')!;
    const url = web.env.find((e) => e.name === 'DATABASE_URL')!;
    expect(url.value).toBe('jdbc:postgresql://app:p%40ss%20word%2F123@db:5432/shop');
    expect(url.secret).toBe(true);
    expect(url.parts).toEqual([
      { kind: 'text', text: 'jdbc:postgresql://' },
      { kind: 'input', instance: 'db', input: 'username', filters: ['urlencode'] },
      { kind: 'text', text: ':' },
      { kind: 'input', instance: 'db', input: 'password', filters: ['urlencode'] },
      { kind: 'text', text: '@' },
      { kind: 'host', instance: 'db' },
      { kind: 'text', text: ':5432/' },
      { kind: 'input', instance: 'db', input: 'database', filters: ['urlencode'] },
    ]);
    expect(web.dependsOn).toEqual(['db']);
    expect(r.app!.instances.map((i) => i.name)).toEqual(['db', 'web']);
  });

  it('keeps the type of a value that is exactly one reference, and records the wiring in inputParts', () => {
    const r = composeApp(
      app({
        db: { component: 'postgresql' },
        web: { component: 'web-app', inputs: { image: 'docker.io/traefik/whoami:v1.10', port: '${{ db.port }}', healthPath: '/${{ db.database }}' } },
      }),
      catalog,
    );
    expect(r.diagnostics).toEqual([]);
    const web = r.app!.instances.find((i) => i.name === 'web')!;
    expect(web.inputs.port).toBe(5432);
    expect(web.ports).toEqual([{ name: 'http', port: 5432, protocol: 'TCP', expose: true }]);
    expect(web.health.http).toEqual({ port: 5432, path: '/app' });
    expect(web.inputParts.healthPath!.parts).toEqual([
      { kind: 'text', text: '/' },
      { kind: 'input', instance: 'db', input: 'database', filters: [] },
    ]);
    expect(web.outputs.url!.value).toBe('http://web:5432/');
  });

  it('generates missing secrets, keeps previous ones, and says which were generated', () => {
    const spec = app({ db: { component: 'postgresql' }, cache: { component: 'redis' } });
    const r = composeApp(spec, catalog, { previousSecrets: { db: { password: 'kept-from-before-1' } } });
    const db = r.app!.instances.find((i) => i.name === 'db')!;
    const cache = r.app!.instances.find((i) => i.name === 'cache')!;
    expect(db.inputs.password).toBe('kept-from-before-1');
    expect(db.generatedInputs).toEqual([]);
    expect(cache.generatedInputs).toEqual(['password']);
    expect(cache.inputs.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(db.secretInputs).toEqual(['password']);
  });

  it('reports every problem of every instance at once, each with its path', () => {
    const r = composeApp(
      app({
        db: { component: 'postgresql', inputs: { password: 'short', databse: 'x' } },
        cache: { component: 'redis@^99' },
        queue: { component: 'rabbit' },
        web: {
          component: 'web-app',
          inputs: { image: 'nginx:latest' },
          env: { A: '${{ db.uri }}', B: '${{ dbb.url }}', C: '${{ db }}' },
          dependsOn: ['nope'],
          publish: { htp: 80 },
        },
      }),
      catalog,
    );
    expect(r.app).toBeUndefined();
    expect(codes(r).sort()).toEqual(
      [
        'COMPONENT_NOT_FOUND queue.component',
        'INPUT_INVALID db.inputs.password',
        'INPUT_INVALID web.inputs.image',
        'INPUT_UNKNOWN db.inputs.databse',
        'PORT_UNKNOWN web.publish.htp',
        'TEMPLATE_INVALID web.env.C',
        'VERSION_UNSATISFIED cache.component',
        'WIRING_UNKNOWN_INSTANCE web.dependsOn.0',
        'WIRING_UNKNOWN_INSTANCE web.env.B',
        'WIRING_UNKNOWN_OUTPUT web.env.A',
      ].sort(),
    );
    expect(r.diagnostics.find((d) => d.path === 'web.env.B')!.message).toContain('(did you mean "db"');
    expect(JSON.stringify(r.diagnostics)).not.toContain('short"');
  });

  it('names a cycle through wiring and dependsOn', () => {
    const r = composeApp(
      app({
        web: { component: 'web-app', inputs: { image: 'a/b:1', healthPath: '/${{ api.host }}' } },
        api: { component: 'web-app', inputs: { image: 'a/b:1' }, dependsOn: ['web'] },
      }),
      catalog,
    );
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([['WIRING_CYCLE', 'api.dependsOn.0', 'dependency cycle: api → web → api']]);
  });

  it('treats $${{ as a literal ${{ and applies health defaults and durations', () => {
    const r = composeApp(app({ web: { component: 'web-app', inputs: { image: 'a/b:1' }, env: { T: 'Hello $${{ name }}' } } }), catalog);
    const web = r.app!.instances[0]!;
    expect(web.env).toEqual([{ name: 'T', value: 'Hello ${{ name }}', secret: false, parts: [{ kind: 'text', text: 'Hello ${{ name }}' }] }]);
    expect(web.health).toMatchObject({ intervalSeconds: 10, timeoutSeconds: 3, retries: 3, startPeriodSeconds: 10 });
    expect(web.image).toBe('a/b:1');
  });

  it('publishes exposed ports when asked (aisle get) and honours publish', () => {
    const r = composeApp(
      app({ db: { component: 'postgresql' }, web: { component: 'web-app', inputs: { image: 'a/b:1' }, publish: { http: 8081 } } }),
      catalog,
      { publishExposed: true },
    );
    expect(r.app!.instances.map((i) => [i.name, i.publish])).toEqual([
      ['db', { postgresql: 5432 }],
      ['web', { http: 8081 }],
    ]);
    expect(r.app!.instances[0]!.stateful).toBe(true);
    expect(r.app!.instances[1]!.stateful).toBe(false);
  });
});

describe('composeApp given an unchecked spec', () => {
  it('refuses instance names that would become paths or bad host names', () => {
    const r = composeApp(app({ '../../etc': { component: 'postgresql' }, ok: { component: 'redis' } }), catalog);
    expect(r.app).toBeUndefined();
    expect(codes(r)).toEqual(['INSTANCE_NAME_INVALID ../../etc']);
  });
});

describe('composeApp and secrets that read as wiring', () => {
  it.each(['${{ Hunter2.url }}', 'x${{ Hunter2.a.b }}y', '${{ Hunter2 }}'])('does not quote a secret input whose value reads as wiring: %s', (password) => {
    const r = composeApp(app({ db: { component: 'postgresql@^16', inputs: { database: 'shop', password } } }), catalog);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expect(`${d.path} ${d.message}`).not.toContain('Hunter2');
    expect(r.diagnostics[0]).toMatchObject({ path: 'db.inputs.password', message: expect.stringContaining('not shown: the input is secret') });
  });

  it('still quotes wiring in values that are not secret, to say what is wrong', () => {
    const r = composeApp(app({ web: { component: 'web-app', inputs: { image: 'docker.io/traefik/whoami:v1.10' }, env: { DB: '${{ dbb.url }}' } } }), catalog);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'WIRING_UNKNOWN_INSTANCE', path: 'web.env.DB', message: expect.stringContaining('"${{ dbb.url }}" refers to "dbb"') }),
    ]);
  });
});
