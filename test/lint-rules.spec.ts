import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

/** Lints a made-up file at `path` with the project's own eslint.config.mjs. */
async function lint(path: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The architecture in DESIGN.md is enforced by ESLint (run in .ci/run); these prove the rules bite.
describe('the architecture lint rules', () => {
  it('keeps Nest, TypeORM and GraphQL out of libs/', async () => {
    for (const module of ['@nestjs/common', 'typeorm', 'graphql', 'mercurius', 'fastify']) {
      expect(await lint('libs/catalog/offender.ts', `import * as x from '${module}';\nexport const y = x;\n`)).toEqual([
        expect.stringContaining('libs/ are plain TypeScript'),
      ]);
    }
  });

  it('keeps file I/O out of libs/ except the catalog loader and the certification store', async () => {
    const text = `import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n`;
    expect(await lint('libs/composition/offender.ts', text)).toEqual([expect.stringContaining('no file I/O')]);
    expect(await lint('libs/catalog/load-catalog.ts', text)).toEqual([]);
    expect(await lint('libs/certify/trust-store.ts', text)).toEqual([]);
  });

  it('keeps the CLI off Nest', async () => {
    expect(await lint('apps/cli/src/offender.ts', `import { Module } from '@nestjs/common';\nexport const y = Module;\n`)).toEqual([
      expect.stringContaining('never Nest'),
    ]);
    expect(await lint('apps/api/src/offender.ts', `import { Module } from '@nestjs/common';\nexport const y = Module;\n`)).toEqual([]);
  });
});
