import module from 'node:module';

// Imported first by main.ts, before the modules it caches: loading (compiling) Nest, TypeORM, GraphQL and the libraries
// is the largest part of start-up after the catalog load. Node 22.1+ keeps the compiled code on disk between runs (in
// NODE_COMPILE_CACHE, else a folder under the system's temporary directory); older Node has no such cache, and this
// does nothing there.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
