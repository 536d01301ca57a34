// `npm run build`'s step after tsc: the service's tsc output (dist/apps/api/src/main.js and what it
// imports) rolled into one file, main.bundle.cjs beside it, and main.js rewritten to load it, so
// `npm start`, the image and the benches run it unchanged (the other tsc files stay for `aisle serve`
// and the tests). Node then reads one file at start-up instead of resolving and compiling about a
// thousand modules (most of the service's start-up time was module loading). The tsc output already
// carries the decorator metadata.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist', 'apps', 'api', 'src');

// Kept as run-time requires: the native SQLite driver, and the optional peers Nest, TypeORM and
// Fastify load only when configured (absent here, they must stay absent, not fail the build).
const external = [/^better-sqlite3$/, /^pg-native$/];

const main = join(out, 'main.js');
const BANNER = '// Loads the service rolled into one file (main.bundle.cjs), written by apps/api/bundle.mjs from the tsc output.';
// The input must be tsc's main.js, not the loader this writes over it.
if (readFileSync(main, 'utf8').startsWith(BANNER)) throw new Error(`${main} already loads the bundle: run tsc -p tsconfig.build.json first`);

const bundle = await rolldown({
  input: main,
  platform: 'node',
  external,
  logLevel: 'warn',
  onLog(level, log, handler) {
    if (log.code === 'UNRESOLVED_IMPORT') return; // optional peers stay runtime requires
    handler(level, log);
  },
  plugins: [
    {
      // @nestjs/typeorm looks up two exports TypeORM 1 no longer has through createRequire, which
      // would load a second, unbundled copy of TypeORM; the bundled one gives the same answer.
      name: 'one-typeorm',
      transform(code, id) {
        if (!id.endsWith('/@nestjs/typeorm/dist/common/typeorm-compat.js')) return null;
        const runtime = 'const require = createRequire(import.meta.url);';
        if (!code.includes(runtime)) throw new Error(`${id} changed: review the one-typeorm step of apps/api/bundle.mjs`);
        return code.replace(runtime, "import * as typeorm from 'typeorm';\nconst require = () => typeorm;");
      },
    },
    {
      // Every module keeps its own __dirname and __filename (files found next to the code).
      name: 'own-dirname',
      transform(code, id) {
        if (!/\b__(dirname|filename)\b/.test(code) || /\b(const|let|var)\s+__(dirname|filename)\b/.test(code)) return null;
        const dir = JSON.stringify(relative(out, dirname(id)));
        const file = JSON.stringify(relative(out, id));
        return code
          .replace(/\b__dirname\b/g, `require("node:path").join(__dirname, ${dir})`)
          .replace(/\b__filename\b/g, `require("node:path").join(__dirname, ${file})`);
      },
    },
  ],
});
// One file (dynamic imports inlined); no source map: tsc's main.js.map described the file replaced.
await bundle.write({ file: join(out, 'main.bundle.cjs'), format: 'cjs', sourcemap: false, codeSplitting: false });
await bundle.close();
// Node 22.1+ caches compiled code only for what loads after enableCompileCache(): it runs before the bundle.
writeFileSync(main, `${BANNER}\n'use strict';\nrequire('./enable-compile-cache.js');\nrequire('./main.bundle.cjs');\n`);
rmSync(`${main}.map`, { force: true });
