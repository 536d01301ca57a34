import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../libs/render/index.js';
import { exampleBundle, exampleNames } from './example-bundles.js';

const GOLDEN_DIR = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, prefix = ''): string[] {
  let out: string[] = [];
  try {
    for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      out = e.isDirectory() ? [...out, ...listFiles(dir, path)] : [...out, path];
    }
  } catch {
    return [];
  }
  return out.sort();
}

describe('example bundles match their golden files (refresh with UPDATE_GOLDEN=1 npm test)', () => {
  it('has the four examples the product promises', () => {
    expect(exampleNames()).toEqual(expect.arrayContaining(['database', 'web-app', 'worker', 'wordpress']));
  });

  for (const example of exampleNames()) {
    for (const target of TARGETS) {
      it(`${example} → ${target}`, () => {
        const files = exampleBundle(example, target);
        const dir = join(GOLDEN_DIR, example, target);
        if (update) {
          rmSync(dir, { recursive: true, force: true });
          for (const f of files) {
            mkdirSync(dirname(join(dir, f.path)), { recursive: true });
            writeFileSync(join(dir, f.path), f.content);
          }
        }
        expect(files.map((f) => f.path)).toEqual(listFiles(dir));
        for (const f of files) expect(f.content, `${example}/${target}/${f.path}`).toBe(readFileSync(join(dir, f.path), 'utf8'));
        expect(statSync(dir).isDirectory()).toBe(true);
      });
    }
  }

  it('renders the same bytes twice', () => {
    for (const target of TARGETS) expect(exampleBundle('web-app', target)).toEqual(exampleBundle('web-app', target));
  });
});
