import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

const PREVIEW = `query P($text: String!, $format: ImportFormat) {
  importPreview(text: $text, format: $format) { format app drafts { name version manifest } entries { source status target reason } lint { draft rule path } report }
}`;
const FIXTURES = join(__dirname, '../import/fixtures');

describe('GraphQL importPreview (issue 12)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(async () => t?.stop());

  it('returns the drafts, the app spec and the report of a Compose file, a catalog component standing in for its database', async () => {
    const r = await t.gql(PREVIEW, { text: readFileSync(join(FIXTURES, 'compose/shop.yaml'), 'utf8') });
    expect(r.body.errors).toBeUndefined();
    const preview = r.body.data!.importPreview as Record<string, any>;
    expect(preview.format).toBe('COMPOSE');
    const app = parse(preview.app);
    expect(app.instances.db.component).toBe('postgresql@^16');
    expect(preview.drafts.map((d: { name: string }) => d.name).sort()).toEqual(['cache', 'web']);
    expect(parse(preview.drafts[0].manifest).kind).toBe('Component');
    expect(preview.entries).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'services.web.volumes', status: 'dropped' })]));
    expect(preview.report).toMatch(/^# Import report: shop/);
  });

  it('refuses text in none of the formats with the formats tried and the line', async () => {
    const r = await t.gql(PREVIEW, { text: 'kind: ConfigMap\n' });
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions!.problems).toEqual([expect.objectContaining({ code: 'IMPORT_FORMAT_UNKNOWN', line: 1 })]);
  });

  it('takes a real Template of 13 KB, not only a file under the 1,000-character bound of other arguments', async () => {
    const text = readFileSync(join(FIXTURES, '../corpus/openshift-library/django-psql-persistent.json'), 'utf8');
    expect(text.length).toBeGreaterThan(10_000);
    const r = await t.gql(PREVIEW, { text });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data!.importPreview as Record<string, unknown>).format).toBe('OPENSHIFT');
  });

  it('reads the text as the format asked for', async () => {
    const r = await t.gql(PREVIEW, { text: readFileSync(join(FIXTURES, 'compose/shop.yaml'), 'utf8'), format: 'OPENSHIFT' });
    expect(r.body.errors![0]!.extensions!.problems).toEqual([expect.objectContaining({ code: 'IMPORT_INVALID' })]);
  });
});
