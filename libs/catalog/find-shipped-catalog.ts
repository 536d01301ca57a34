import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project root (where package.json and catalog/ sit), found by walking up from
 * this file: the same answer from the TypeScript sources and from the built dist/.
 */
export function findProjectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'catalog'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the Aisle project root above ${from}`);
    dir = parent;
  }
}

/** The shipped catalog folder. */
export function shippedCatalogDir(): string {
  return join(findProjectRoot(), 'catalog');
}
