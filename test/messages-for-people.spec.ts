import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import appSchema from '../schemas/app.schema.json';
import componentSchema from '../schemas/component.schema.json';
import { loadCatalog } from '../libs/catalog/index.js';
import type { Diagnostic } from '../libs/diagnostics/index.js';
import { validateInputs } from '../libs/inputs/index.js';
import { run } from '../apps/cli/src/main.js';
import { aisle } from './bundles/cli-in-process.js';
import { shippedManifest, derivedManifest, removeFixtures } from './api/support/fixture-catalog.js';
import { startTestServer, type TestServer } from './api/support/test-server.js';

// Issue 9, part 1: a person who gives a value a pattern refuses reads a sentence, never the regular expression.
// The expression stays available to tools: `detail` in --json, `extensions.problems[].detail` and InputProblem.detail in GraphQL.

/** Every `pattern` string anywhere in a schema. */
function patternsOf(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach((s) => patternsOf(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'pattern' && typeof value === 'string') out.push(value);
      else patternsOf(value, out);
    }
  }
  return out;
}

const WEB_APP_IMAGE = shippedManifest('web-app', '1.0.0').spec.inputs.properties.image!.pattern!;
const SCHEMA_PATTERNS = [...patternsOf(componentSchema), ...patternsOf(appSchema), WEB_APP_IMAGE];

/** The marks of a regular expression a sentence never has. */
const REGEX_SIGNS = /\(\?|\[\^|\[[a-zA-Z0-9]-[a-zA-Z0-9]|\\[dswSWDb.]|\{\d+,\d*\}|^\^|\s\^|\$"?$|\)\*|\)\?|\]\+|\]\*/;

function expectPlain(message: string): void {
  for (const pattern of SCHEMA_PATTERNS) expect(message).not.toContain(pattern);
  expect(message).not.toMatch(REGEX_SIGNS);
  expect(message).not.toContain('must match the pattern');
}

function folder(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'aisle-messages-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(cwd, path), text);
  return cwd;
}

const SECRET = "s3cr'et-value-Zq9";
const BAD_APP = ['apiVersion: aisle.dev/v1', 'kind: App', 'metadata: { name: Shop_1 }', 'instances:', '  db:', '    component: "Postgres!"', ''].join('\n');

// Values that break a pattern, a length, a range, a type or an enum somewhere in the shipped catalog; long enough to be found if echoed.
const BAD_VALUES: unknown[] = ["it's-a-secret\\value", 'UPPER case VALUE', '-leading-dash', '', 'x'.repeat(700), -12345, 9999999, 1.5, true];
const { index } = loadCatalog(join(__dirname, '..', 'catalog'));
const SHIPPED = index.names().flatMap((n) => [...index.versions(n)]);

/** Every subschema of a schema that holds a `pattern`, with its JSON pointer. */
function patternSchemas(schema: unknown, at = ''): Array<[string, Record<string, unknown>]> {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => patternSchemas(s, `${at}/${i}`));
  if (typeof schema !== 'object' || schema === null) return [];
  const own: Array<[string, Record<string, unknown>]> =
    typeof (schema as { pattern?: unknown }).pattern === 'string' ? [[at, schema as Record<string, unknown>]] : [];
  return [...own, ...Object.entries(schema).flatMap(([k, v]) => (k === 'pattern' ? [] : patternSchemas(v, `${at}/${k}`)))];
}

describe("Aisle's own schemas say what each pattern asks for (issue 9)", () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ...patternSchemas(componentSchema).map(([p, s]): [string, Record<string, unknown>] => [`component${p}`, s]),
    ...patternSchemas(appSchema).map(([p, s]): [string, Record<string, unknown>] => [`app${p}`, s]),
  ];
  it.each(cases)('%s has a sentence beside its pattern, not the pattern again', (_, s) => {
    expect(typeof s.description).toBe('string');
    expect(s.description).not.toContain(s.pattern);
    expectPlain(s.description as string);
  });
});

describe('no message about any shipped input shows a regular expression or the value given (issue 9)', () => {
  it.each(SHIPPED.map((v) => [`${v.name}@${v.version}`, v] as const))('%s', (_, v) => {
    const properties = v.manifest.spec.inputs.properties;
    for (const input of Object.keys(properties)) {
      for (const value of BAD_VALUES) {
        const { diagnostics } = validateInputs(v, { [input]: value });
        for (const d of diagnostics) {
          expectPlain(d.message);
          for (const p of Object.values(properties)) if (p.pattern) expect(d.message).not.toContain(p.pattern);
          if (typeof value === 'string' && value.length >= 4) expect(d.message).not.toContain(value);
        }
      }
    }
  });
});

describe('the CLI says what a pattern asks for, never the pattern (issue 9)', () => {
  const cwd = folder({});

  it('aisle get web-app --set image=nginx: a sentence on the path, the pattern only in --json detail', async () => {
    const text = await aisle(['get', 'web-app', '--set', 'image=nginx'], cwd);
    expect(text.code).toBe(1);
    expect(text.err).toContain('web-app.inputs.image: ');
    expectPlain(text.err);
    const json = await aisle(['get', 'web-app', '--set', 'image=nginx', '--json'], cwd);
    expect(json.code).toBe(1);
    const [d] = (JSON.parse(json.out) as { diagnostics: Diagnostic[] }).diagnostics;
    expect(d).toMatchObject({ code: 'INPUT_INVALID', path: 'web-app.inputs.image', detail: { keyword: 'pattern' } });
    expectPlain(d!.message);
    expect(typeof d!.detail?.params?.pattern).toBe('string');
    expect(d!.detail!.params!.pattern).toMatch(/^\^/);
  });

  it('mysql: a password with a quote is refused in words, and the password never appears', async () => {
    const text = await aisle(['get', 'mysql', '--set', `password=${SECRET}`], cwd);
    expect(text.code).toBe(1);
    expect(text.err).toContain('mysql.inputs.password: ');
    expectPlain(text.err);
    expect(text.out + text.err).not.toContain("^[^'");
    expect(text.out + text.err).not.toContain(SECRET);
    const json = await aisle(['get', 'mysql', '--set', `password=${SECRET}`, '--json'], cwd);
    expect(json.out + json.err).not.toContain(SECRET);
    const [d] = (JSON.parse(json.out) as { diagnostics: Diagnostic[] }).diagnostics;
    expect(d).toMatchObject({ path: 'mysql.inputs.password', detail: { keyword: 'pattern' } });
    expectPlain(d!.message);
  });

  it('aisle validate: an app spec breaking app.schema.json patterns is told in sentences', async () => {
    const r = await aisle(['validate', 'app.yaml', '--json'], folder({ 'app.yaml': BAD_APP }));
    expect(r.code).toBe(1);
    const diagnostics = (JSON.parse(r.out) as { diagnostics: Diagnostic[] }).diagnostics;
    expect(diagnostics.map((d) => d.path).sort()).toEqual(['instances.db.component', 'metadata.name']);
    for (const d of diagnostics) {
      expectPlain(d.message);
      expect(d.detail?.keyword).toBe('pattern');
    }
    const text = await aisle(['validate', 'app.yaml'], folder({ 'app.yaml': BAD_APP }));
    expect(text.err).toContain('metadata.name: ');
    expectPlain(text.err);
  });
});

describe('GraphQL says what a pattern asks for, never the pattern (issue 9)', () => {
  let t: TestServer;
  let publisher: string;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    publisher = await t.token('acme', ['publish']);
  });
  afterAll(async () => {
    await t?.stop();
    removeFixtures();
  });

  it('validateInputs: a sentence in message, the pattern in detail, never the secret', async () => {
    const query = 'query V($c: String!, $i: JSONObject!) { validateInputs(component: $c, inputs: $i) { valid errors { path code message detail } } }';
    const web = await t.gql(query, { c: 'web-app', i: { image: 'nginx' } });
    expect(web.body.errors).toBeUndefined();
    const [e] = web.body.data.validateInputs.errors;
    expect(e).toMatchObject({ path: 'image', code: 'INPUT_INVALID', detail: { keyword: 'pattern', params: { pattern: WEB_APP_IMAGE } } });
    expectPlain(e.message);
    const mysql = await t.gql(query, { c: 'mysql', i: { password: SECRET } });
    expect(mysql.body.data.validateInputs.errors.map((x: { path: string }) => x.path)).toEqual(['password']);
    expectPlain(mysql.body.data.validateInputs.errors[0].message);
    expect(mysql.text).not.toContain(SECRET);
  });

  it('validateInputs on every shipped component: bad values are told in sentences and never echoed', async () => {
    const query = 'query V($c: String!, $i: JSONObject!) { validateInputs(component: $c, inputs: $i) { errors { message } } }';
    const value = "it's-a-Secret\\value!";
    for (const name of index.names()) {
      const inputs = Object.keys(index.resolve(name).version!.manifest.spec.inputs.properties);
      const r = await t.gql(query, { c: name, i: Object.fromEntries(inputs.map((input) => [input, value])) });
      expect(r.body.errors, name).toBeUndefined();
      expect(r.text).not.toContain('Secret');
      for (const e of r.body.data.validateInputs.errors) expectPlain(e.message);
    }
  });

  it('compose: the error message and its problems are sentences; the pattern is in problems[].detail', async () => {
    const query = 'query C($app: String!) { compose(app: $app) { lock } }';
    // The spec's own shape is checked first; its inputs once it is well formed.
    for (const [name, path] of [
      ['Shop_1', 'metadata.name'],
      ['shop', 'web.inputs.image'],
    ]) {
      const app = `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: ${name} }\ninstances:\n  web:\n    component: web-app\n    inputs: { image: nginx }\n`;
      const r = await t.gql(query, { app });
      expect(r.body.errors).toHaveLength(1);
      const error = r.body.errors![0]!;
      expectPlain(error.message);
      const problems = error.extensions!.problems as Array<Diagnostic & { detail?: { params?: { pattern?: string } } }>;
      expect(problems.map((p) => p.path)).toEqual([path]);
      expectPlain(problems[0]!.message);
      expect(problems[0]!.detail?.params?.pattern).toEqual(expect.any(String));
    }
  });

  it('publishComponent: a manifest breaking component.schema.json patterns is refused in sentences', async () => {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'acme-cache', version: '1.0.0' }) as unknown as {
      metadata: { keywords?: string[] };
      spec: { provides: string[]; runtime: { ports: Array<{ name: string }>; stopGracePeriod?: string } };
    };
    m.metadata.keywords = ['Key Value'];
    m.spec.provides = ['Redis Protocol'];
    m.spec.runtime.ports[0]!.name = 'Redis_Port';
    m.spec.runtime.stopGracePeriod = '10 seconds';
    const query = 'mutation P($m: String!) { publishComponent(manifest: $m) { created } }';
    const r = await t.gql(query, { m: stringify(m) }, publisher);
    expect(r.body.errors).toHaveLength(1);
    const error = r.body.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expectPlain(error.message);
    const problems = error.extensions!.problems!;
    expect(problems.map((p) => p.path).sort()).toEqual(['metadata.keywords.0', 'spec.provides.0', 'spec.runtime.ports.0.name', 'spec.runtime.stopGracePeriod']);
    for (const p of problems) expectPlain(p.message);
  });

  it("aisle publish --registry --json keeps the service's detail for tools, and prints only sentences", async () => {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'acme-ports', version: '1.0.0' }) as unknown as {
      spec: { runtime: { ports: Array<{ name: string }> } };
    };
    m.spec.runtime.ports[0]!.name = 'Redis_Port';
    const cwd = folder({ 'component.yaml': stringify(m) });
    const publish = async (json: boolean) => {
      let out = '';
      let err = '';
      const args = ['publish', 'component.yaml', '--registry', t.url, ...(json ? ['--json'] : [])];
      const code = await run(args, { out: (x) => (out += x), err: (x) => (err += x), cwd, env: { AISLE_TOKEN: publisher, HOME: cwd } });
      return { code, out, err };
    };
    const json = await publish(true);
    expect(json.code).toBe(1);
    const [d] = (JSON.parse(json.out) as { diagnostics: Diagnostic[] }).diagnostics;
    expect(d).toMatchObject({ path: 'spec.runtime.ports.0.name', detail: { keyword: 'pattern', params: { pattern: expect.any(String) } } });
    expectPlain(d!.message);
    const text = await publish(false);
    expect(text.code).toBe(1);
    expect(text.err).toContain('spec.runtime.ports.0.name: must be a port name');
    expectPlain(text.err);
  });

  it('publishComponent: a pattern without a message is a warning, not a refusal (certification makes it an error)', async () => {
    const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'acme-words', version: '1.0.0' });
    const patterned = Object.entries(m.spec.inputs.properties).filter(([, p]) => typeof p.pattern === 'string');
    expect(patterned.length).toBeGreaterThan(0);
    for (const [, p] of patterned) delete p['x-aisle-pattern-message'];
    const query = 'mutation P($m: String!) { publishComponent(manifest: $m) { created warnings { path code message } } }';
    const r = await t.gql(query, { m: stringify(m) }, publisher);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.publishComponent.created).toBe(true);
    expect(r.body.data.publishComponent.warnings).toEqual(
      patterned.map(([name]) => ({
        path: `spec.inputs.properties.${name}.pattern`,
        code: 'LINT_RULE',
        message: expect.stringContaining('has no x-aisle-pattern-message'),
      })),
    );
  });
});
