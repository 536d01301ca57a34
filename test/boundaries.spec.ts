import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  it('keeps Nest, TypeORM and GraphQL out of libs/', () => {
    const offenders = tsFiles(join(root, 'libs')).filter((f) =>
      /from\s+['"](@nestjs\/|typeorm|graphql|mercurius|fastify)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps the CLI off Nest: it uses the libraries directly', () => {
    const offenders = tsFiles(join(root, 'apps/cli')).filter((f) => /from\s+['"]@nestjs\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps the libraries free of file I/O except the catalog loader and certification store', () => {
    const allowed = new Set(['libs/catalog/load-catalog.ts', 'libs/catalog/find-shipped-catalog.ts']);
    const offenders = tsFiles(join(root, 'libs'))
      .filter((f) => !f.endsWith('.spec.ts'))
      .map((f) => relative(root, f))
      .filter((f) => !allowed.has(f) && !f.startsWith('libs/certify/'))
      .filter((f) => /from\s+['"]node:fs/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
