// ESLint for the whole project: typescript-eslint's recommended rules, plus the
// architecture rules that keep each layer to its own dependencies (DESIGN.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));
// What a page may use besides the language: the window's names (the store's code only).
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'navigator', 'sessionStorage', 'fetch', 'URL', 'Blob', 'PopStateEvent', 'setTimeout', 'clearTimeout', 'console'].map((name) => [
    name,
    'readonly',
  ]),
);
const edgeOnly = ['@nestjs/*', 'typeorm', 'typeorm/*', 'graphql', 'graphql/*', 'mercurius', 'fastify', 'pg', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'apps/web/ide.js', 'apps/web/store/src/gql/**', 'test/bundles/golden/**', 'libs/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read rendered YAML and JSON back as untyped trees; typing each is noise there.
    files: ['**/*.spec.ts', 'test/**/*.ts', '**/testdata/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    // Plain scripts (bin/, bench/) run on Node: its own globals are the list, plus CommonJS's.
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The libraries are plain TypeScript: Nest, TypeORM, GraphQL and HTTP stay at the edge (apps/api).
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: edgeOnly, message: 'libs/ are plain TypeScript: this belongs in apps/api.' }] }],
    },
  },
  {
    // The libraries read no files, except the catalog loader (and its cache) and the certification store.
    files: ['libs/**/*.ts'],
    ignores: [
      'libs/**/*.spec.ts',
      'libs/**/testdata/**',
      'libs/catalog/load-catalog.ts',
      'libs/catalog/read-catalog-files.ts',
      'libs/catalog/catalog-cache.ts',
      'libs/catalog/find-shipped-catalog.ts',
      'libs/certify/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'].map((name) => ({
            name,
            message: 'libs/ do no file I/O: the CLI or the service reads and writes.',
          })),
          patterns: [{ group: edgeOnly, message: 'libs/ are plain TypeScript: this belongs in apps/api.' }],
        },
      ],
    },
  },
  {
    // The storefront runs in a browser: its globals, and what a publisher or user wrote is never set as HTML.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { globals: browserGlobals },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...edgeOnly, 'node:*'], message: 'The store runs in the browser: it talks to the service over HTTP.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as React text; only escaped, highlighted code may be set as HTML.',
        },
      ],
    },
  },
  {
    // The CLI uses the libraries directly, without starting Nest.
    files: ['apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*'], message: 'The CLI uses libs/ directly, never Nest.' }] }],
    },
  },
);
