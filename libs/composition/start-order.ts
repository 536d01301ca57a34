/** For each instance, the instances it depends on, each with the path of the first place the dependency is stated. */
export type DependencyGraph = Map<string, Map<string, string>>;

export interface StartOrder {
  /** Every instance after its dependencies; among those ready at the same time, by name. */
  order: string[];
  /** Cycles found, each as the instance names around it (first one repeated at the end) and the path that closes it. */
  cycles: Array<{ names: string[]; path: string }>;
}

const MAX_CYCLES_REPORTED = 10;

/**
 * Orders instances so each starts after those it depends on (Kahn's algorithm with a
 * heap, so large apps stay O(n log n)); instances caught in cycles come last, by name.
 */
export function startOrder(graph: DependencyGraph): StartOrder {
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [name, deps] of graph) {
    waiting.set(name, 0);
    for (const dep of deps.keys()) {
      if (!graph.has(dep)) continue;
      waiting.set(name, (waiting.get(name) ?? 0) + 1);
      const list = dependents.get(dep);
      if (list) list.push(name);
      else dependents.set(dep, [name]);
    }
  }
  const ready = new NameHeap();
  for (const [name, count] of waiting) if (count === 0) ready.push(name);
  const order: string[] = [];
  for (let name = ready.pop(); name !== undefined; name = ready.pop()) {
    order.push(name);
    for (const dependent of dependents.get(name) ?? []) {
      const left = waiting.get(dependent)! - 1;
      waiting.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length === graph.size) return { order, cycles: [] };
  const placed = new Set(order);
  const stuck = [...graph.keys()].filter((n) => !placed.has(n)).sort();
  return { order: [...order, ...stuck], cycles: findCycles(graph, stuck) };
}

/** Depth-first search over the instances Kahn could not place; each back edge closes a cycle. */
function findCycles(graph: DependencyGraph, stuck: string[]): StartOrder['cycles'] {
  const cycles: StartOrder['cycles'] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'open');
    stack.push(name);
    for (const dep of [...(graph.get(name)?.keys() ?? [])].sort()) {
      if (!graph.has(dep) || cycles.length >= MAX_CYCLES_REPORTED) continue;
      const seen = state.get(dep);
      if (seen === 'open') {
        const names = [...stack.slice(stack.indexOf(dep)), dep];
        cycles.push({ names, path: graph.get(names[0]!)!.get(names[1]!)! });
      } else if (seen === undefined) visit(dep);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of stuck) if (!state.has(name)) visit(name);
  return cycles;
}

/** A binary min-heap of names. */
class NameHeap {
  private readonly items: string[] = [];

  push(name: string): void {
    const a = this.items;
    a.push(name);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  pop(): string | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
