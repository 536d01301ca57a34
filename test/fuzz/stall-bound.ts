import { expect } from 'vitest';

/** The bound: no call stalls the event loop more than 200 ms. */
export const STALL_MS = 200;

/**
 * Runs `work` and fails when it takes STALL_MS or more. A slow call is timed twice more
 * and judged by its fastest run: on a shared machine a scheduler or GC pause can stretch
 * any one call, but work that really costs that much (backtracking, a quadratic parse)
 * costs it every time.
 */
export function withinStallBound<T>(what: string, work: () => T): T {
  let started = performance.now();
  const result = work();
  let fastest = performance.now() - started;
  for (let retry = 0; retry < 2 && fastest >= STALL_MS; retry++) {
    started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  expect(fastest, `${what} took ${fastest.toFixed(0)} ms`).toBeLessThan(STALL_MS);
  return result;
}
