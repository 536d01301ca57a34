import { describe, expect, it } from 'vitest';
import { startOrder, type DependencyGraph } from './start-order.js';

const graph = (edges: Record<string, string[]>): DependencyGraph =>
  new Map(Object.entries(edges).map(([name, deps]) => [name, new Map(deps.map((d) => [d, `${name}.dependsOn`]))]));

describe('startOrder', () => {
  it('puts dependencies first and breaks ties by name', () => {
    expect(startOrder(graph({ web: ['db', 'cache'], db: [], cache: [], worker: ['db'] })).order).toEqual(['cache', 'db', 'web', 'worker']);
  });
  it('names a cycle and the path that closes it', () => {
    const r = startOrder(graph({ web: ['api'], api: ['web'], db: [] }));
    expect(r.order).toEqual(['db', 'api', 'web']);
    expect(r.cycles).toEqual([{ names: ['api', 'web', 'api'], path: 'api.dependsOn' }]);
  });
  it('finds a self-dependency', () => {
    expect(startOrder(graph({ a: ['a'] })).cycles).toEqual([{ names: ['a', 'a'], path: 'a.dependsOn' }]);
  });
  it('handles a long chain without quadratic work', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 5000; i++) edges[`n${String(i).padStart(4, '0')}`] = i === 0 ? [] : [`n${String(i - 1).padStart(4, '0')}`];
    const r = startOrder(graph(edges));
    expect(r.order[0]).toBe('n0000');
    expect(r.order[4999]).toBe('n4999');
  });
});
