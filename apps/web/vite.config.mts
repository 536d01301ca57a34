// The storefront's build: `npm run build` runs it after tsc, so `npm ci` and `npm start` leave it built in dist/web.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: join(here, 'store'),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: join(here, '..', '..', 'dist', 'web'),
    emptyOutDir: true,
    // Every file name carries its content hash: the service caches them for a year as immutable.
    assetsDir: 'assets',
    // No inline script may run under the store's Content-Security-Policy.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
