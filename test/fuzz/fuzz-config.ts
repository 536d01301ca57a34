import type { Parameters } from 'fast-check';

/** Cases per property: 1,000 by default (CI); `FUZZ_RUNS=100000 npm test` for a longer hunt. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 1000;

/** The seed CI uses, so a red run replays exactly; `FUZZ_SEED=random` draws a new one each run. */
export const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED) || 20261202;

/** fast-check parameters for every property in the fuzz suites (fixed seed, FUZZ_RUNS cases). */
export function fuzzParameters<T>(overrides: Parameters<T> = {}): Parameters<T> {
  return { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true, ...overrides };
}
