import { describe, expect, it } from 'vitest';
import { cpuCores, memoryBytes } from './resources.js';

describe('Kubernetes quantities', () => {
  it.each<[string, number | undefined]>([
    ['100m', 0.1],
    ['1', 1],
    ['1.5', 1.5],
    ['0', 0],
    ['1Gi', undefined],
    ['abc', undefined],
  ])('cpu %s', (q, cores) => {
    expect(cpuCores(q)).toBe(cores);
  });

  it.each<[string, number | undefined]>([
    ['64Mi', 64 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['512', 512],
    ['100m', undefined],
  ])('memory %s', (q, bytes) => {
    expect(memoryBytes(q)).toBe(bytes);
  });
});
