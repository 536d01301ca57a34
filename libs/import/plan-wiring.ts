import type { ImportedApp, ImportedService, Segment } from './imported-app.js';

export interface WiringPlan {
  /** Services, those others depend on first (ties in source order). */
  order: ImportedService[];
  /** Variable → the service whose input holds it; other services are wired to that one. */
  owners: Map<string, string>;
  /** Dependencies dropped to break a cycle the source has, as `from → to`. */
  brokenCycles: string[];
}

/** Every segment a service's values hold: env, command and args. */
export function serviceSegments(service: ImportedService): Segment[] {
  return [...service.env.flatMap((e) => e.value), ...(service.command ?? []).flat(), ...(service.args ?? []).flat()];
}

/**
 * Orders the services so that each comes after those it depends on (explicitly, or by
 * using their host name), and gives each variable one owner: the first service in that
 * order whose variable is its whole value, so wiring always runs from later to earlier.
 */
export function planWiring(app: ImportedApp): WiringPlan {
  const byName = new Map(app.services.map((s) => [s.name, s]));
  const needs = new Map<string, Set<string>>();
  for (const s of app.services) {
    const hosts = serviceSegments(s).flatMap((g) => (g.kind === 'host' ? [g.service] : []));
    needs.set(s.name, new Set([...s.dependsOn, ...hosts].filter((n) => n !== s.name && byName.has(n))));
  }
  const order: ImportedService[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const brokenCycles: string[] = [];
  const visit = (s: ImportedService) => {
    state.set(s.name, 'visiting');
    for (const dep of needs.get(s.name)!) {
      const st = state.get(dep);
      if (st === 'visiting') {
        needs.get(s.name)!.delete(dep);
        brokenCycles.push(`${s.name} → ${dep}`);
      } else if (st === undefined) visit(byName.get(dep)!);
    }
    state.set(s.name, 'done');
    order.push(s);
  };
  for (const s of app.services) if (!state.has(s.name)) visit(s);
  for (const s of app.services) s.dependsOn = s.dependsOn.filter((d) => needs.get(s.name)!.has(d));
  const owners = new Map<string, string>();
  for (const exact of [true, false]) {
    for (const s of order) {
      for (const e of s.env) {
        if (exact && !(e.value.length === 1 && e.value[0]!.kind === 'param')) continue;
        for (const g of e.value) if (g.kind === 'param' && !owners.has(g.name)) owners.set(g.name, s.name);
      }
    }
  }
  for (const s of order) for (const g of serviceSegments(s)) if (g.kind === 'param' && !owners.has(g.name)) owners.set(g.name, s.name);
  return { order, owners, brokenCycles };
}
