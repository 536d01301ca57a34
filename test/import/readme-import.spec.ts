import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importApp } from '../../libs/import/index.js';
import { shipped } from './import-check.js';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Import'), readme.indexOf('## The GraphQL service'));
const blocks = (fence: string) => [...section.matchAll(new RegExp(`\`\`\`${fence}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

describe('the README Import example (issue 12)', () => {
  it('imports its Compose file to the app and draft it shows', () => {
    const [compose] = blocks('yaml');
    const [app, draft] = blocks('yml');
    const { result, diagnostics } = importApp(compose!, { file: 'compose.yaml', catalog: shipped() });
    expect(diagnostics).toEqual([]);
    expect(result!.files.find((f) => f.path === 'app.yaml')!.content).toBe(app);
    const manifest = parse(result!.files.find((f) => f.path === 'catalog/web/1.0.0/component.yaml')!.content);
    expect(parse(draft!)).toEqual({ spec: { inputs: manifest.spec.inputs } });
  });
});
