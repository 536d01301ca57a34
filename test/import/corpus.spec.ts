import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApp } from '../../libs/import/index.js';
import { checkImport, shipped } from './import-check.js';
import { capRoverExpectations, composeExpectations, openShiftExpectations } from './source-expectations.js';

const CORPUS = join(__dirname, 'corpus');
const FIXTURES = join(__dirname, 'fixtures');
const files = (dir: string) => readdirSync(join(CORPUS, dir)).sort();

// The corpus copies /work/shared/corpus (SOURCES.md says from where); the fixtures are ours.
describe('importing real OpenShift Templates', () => {
  for (const dir of ['openshift-library', 'sclorg-mongodb-container']) {
    for (const file of files(dir)) {
      it(`${dir}/${file}`, () => {
        const text = readFileSync(join(CORPUS, dir, file), 'utf8');
        const { result, diagnostics } = importApp(text, { file, catalog: shipped() });
        expect(diagnostics).toEqual([]);
        expect(result!.format).toBe('openshift');
        checkImport(result!, openShiftExpectations(text));
      });
    }
  }
});

describe('importing real CapRover one-click apps', () => {
  for (const file of files('caprover-one-click-apps')) {
    it(file, () => {
      const text = readFileSync(join(CORPUS, 'caprover-one-click-apps', file), 'utf8');
      const { result, diagnostics } = importApp(text, { file, catalog: shipped() });
      expect(diagnostics).toEqual([]);
      expect(result!.format).toBe('caprover');
      checkImport(result!, capRoverExpectations(text));
    });
  }
});

describe('importing Compose files', () => {
  for (const file of readdirSync(join(FIXTURES, 'compose')).sort()) {
    it(file, () => {
      const text = readFileSync(join(FIXTURES, 'compose', file), 'utf8');
      const { result, diagnostics } = importApp(text, { file, catalog: shipped() });
      expect(diagnostics).toEqual([]);
      expect(result!.format).toBe('compose');
      checkImport(result!, composeExpectations(text));
    });
  }
});

describe('every key of a source is mapped or dropped', () => {
  it('lists each service-level key of a Compose file, and says why what it drops is dropped', () => {
    const text = readFileSync(join(FIXTURES, 'compose', 'wordpress.yaml'), 'utf8');
    const { result } = importApp(text, { file: 'wordpress.yaml', catalog: shipped() });
    const sources = result!.report.entries.map((e) => e.source);
    for (const key of [
      'version',
      'x-restart',
      'services.db.image',
      'services.db.environment',
      'services.db.healthcheck',
      'services.wordpress.deploy',
      'services.wordpress.depends_on',
      'volumes',
    ]) {
      expect(
        sources.some((s) => s === key || key.startsWith(`${s}.`)),
        key,
      ).toBe(true);
    }
    for (const e of result!.report.entries.filter((x) => x.status === 'dropped')) expect(e.reason, e.source).toMatch(/\w/);
    expect(result!.report.entries.find((e) => e.source === 'services.db.restart')).toMatchObject({ status: 'dropped' });
  });
});
