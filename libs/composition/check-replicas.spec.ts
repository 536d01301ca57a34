import { describe, expect, it } from 'vitest';
import { loadCatalog, shippedCatalogDir } from '../catalog/index.js';
import { checkAppSpec, type AppSpec, type InstanceSpec } from '../manifest/index.js';
import { composeApp } from './compose-app.js';

const catalog = loadCatalog(shippedCatalogDir()).index;
const app = (instances: Record<string, InstanceSpec>): AppSpec => ({ apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'shop' }, instances });
const web = (extra: Partial<InstanceSpec> = {}): InstanceSpec => ({ component: 'web-app', inputs: { image: 'ghcr.io/acme/shop:1.4.2' }, ...extra });

describe('replicas', () => {
  it('a stateless instance keeps the count it is given; one given none has none (renderers then write what they wrote before)', () => {
    const r = composeApp(app({ web: web({ replicas: 3 }), solo: web(), one: web({ replicas: 1 }) }), catalog);
    expect(r.diagnostics).toEqual([]);
    const by = new Map(r.app!.instances.map((i) => [i.name, i]));
    expect(by.get('web')!.replicas).toBe(3);
    expect(by.get('one')!.replicas).toBe(1);
    expect('replicas' in by.get('solo')!).toBe(false);
  });

  it('refuses more than one copy of a component that keeps data on a volume, at NAME.replicas, in a plain sentence', () => {
    const r = composeApp(app({ db: { component: 'postgresql', replicas: 2 } }), catalog);
    expect(r.app).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['REPLICAS_STATEFUL', 'db.replicas', 'postgresql keeps its data on a volume (data), so only one copy of it can run: remove replicas or set it to 1'],
    ]);
    // One copy is what a stateful instance is anyway: accepted, and nothing changes.
    const one = composeApp(app({ db: { component: 'postgresql', replicas: 1 } }), catalog);
    expect(one.diagnostics).toEqual([]);
    expect('replicas' in one.app!.instances[0]!).toBe(false);
  });

  it('is told even when the instance’s inputs are wrong too', () => {
    const r = composeApp(app({ db: { component: 'postgresql', replicas: 2, inputs: { database: '1bad' } } }), catalog);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['INPUT_INVALID db.inputs.database', 'REPLICAS_STATEFUL db.replicas']);
  });

  it('refuses a fixed host port on replicas (one socket, one container), and aisle get publishes none for them', () => {
    const r = composeApp(app({ web: web({ replicas: 2, publish: { http: 8080 } }) }), catalog);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['PORT_CONFLICT', 'web.publish.http']]);
    expect(r.diagnostics[0]!.message).toBe(
      'a host port can be published by one container only, and web runs 2 replicas: remove publish (other instances reach every replica by the name web) or set replicas to 1',
    );
    const exposed = composeApp(app({ web: web({ replicas: 2 }), solo: web() }), catalog, { publishExposed: true });
    expect(exposed.diagnostics).toEqual([]);
    const by = new Map(exposed.app!.instances.map((i) => [i.name, i]));
    expect(by.get('web')!.publish).toEqual({});
    expect(by.get('solo')!.publish).toEqual({ http: 8080 });
  });

  it('takes a whole number from 1 to 100; anything else is refused at instances.NAME.replicas with the bound', () => {
    const problems = (replicas: unknown) =>
      checkAppSpec({
        apiVersion: 'aisle.dev/v1',
        kind: 'App',
        metadata: { name: 'shop' },
        instances: { web: { component: 'web-app', replicas } },
      }).diagnostics.map((d) => [d.code, d.path, d.message]);
    expect(problems(0)).toEqual([['SCHEMA_VIOLATION', 'instances.web.replicas', 'must be at least 1']]);
    expect(problems(101)).toEqual([['SCHEMA_VIOLATION', 'instances.web.replicas', 'must be at most 100']]);
    expect(problems(2.5)).toEqual([['SCHEMA_VIOLATION', 'instances.web.replicas', 'must be an integer']]);
    expect(problems('3')).toEqual([['SCHEMA_VIOLATION', 'instances.web.replicas', 'must be an integer']]);
    expect(problems(100)).toEqual([]);
    expect(problems(1)).toEqual([]);
  });
});
