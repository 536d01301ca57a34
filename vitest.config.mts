import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // One graphql module for our code and Nest's: vite would pick graphql's ESM build while
  // Node (and so @nestjs/graphql) loads its CommonJS one, and instanceof checks then fail.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'test/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The catalog cache goes to a folder of the test run's own, never the user's home (CLI children inherit it).
    env: { AISLE_CACHE_DIR: join(tmpdir(), 'aisle-vitest-cache') },
  },
});
