import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { composeApp } from '../../libs/composition/index.js';
import type { AppSpec } from '../../libs/manifest/index.js';
import { readComposeSecrets, RENDERERS, filesByPath } from '../../libs/render/index.js';
import { dockerComposeConfig, unescapeCompose, writeTemp } from './compose-checks.js';
import { shippedCatalog } from './example-bundles.js';

const VALUES = [
  'line one\nline two\n',
  "it's \"quoted\" and 'single'",
  'cost $5, $HOME, ${HOME}, $$ and $',
  'a literal ${{ db.url }} stays literal',
  '# not a comment',
  'key: value',
  '- not a list',
  'ünïcødé ✓ 日本語 🚀',
  '  padded  ',
  'ends with a backslash \\',
  'carriage\r\nreturn',
  'yes',
  '0x1F',
  '',
  'a$b${c}\'"#: \\\n'.repeat(7200),
];

// Secret inputs have bounds (12 to 128 characters); these go through .env.
const PASSWORDS = [
  'pa$$word ${HOME} #1',
  'it\'s a "secret" \\',
  '${A}${B}$${C}}{${',
  'line\nbreak\r\nand\ttab',
  'ünïcødé-🚀-日本語-pass',
  '\\\\\\\\\\\\\\\\\\\\\\\\',
  '  spaces  # x = y  ',
];

/** Values given through the app spec are literal text: `${{` must be written `$${{` there. */
const literal = (v: string) => v.replace(/\$\{\{/g, () => '$${{');

function spec(): AppSpec {
  const instances: AppSpec['instances'] = {
    web: {
      component: 'web-app',
      inputs: { image: 'docker.io/traefik/whoami:v1.10' },
      env: Object.fromEntries([
        ...VALUES.map((v, i) => [`V${i}`, literal(v)]),
        ...PASSWORDS.map((_, i) => [`DB${i}_PASSWORD`, `\${{ db${i}.password }}`]),
        ...PASSWORDS.map((_, i) => [`DB${i}_URL`, `\${{ db${i}.url }}`]),
      ]),
    },
  };
  PASSWORDS.forEach((p, i) => (instances[`db${i}`] = { component: 'postgresql', inputs: { password: literal(p) } }));
  return { apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'odd' }, instances };
}

const url = (password: string, i: number) => `postgresql://app:${encodeURIComponent(password)}@db${i}:5432/app`;

describe('values with newlines, quotes, $, ${{, #, ": ", unicode and 100 kB parse back exactly', () => {
  const composed = composeApp(spec(), shippedCatalog());
  it('composes', () => {
    expect(composed.diagnostics).toEqual([]);
    expect(VALUES[VALUES.length - 1]!.length).toBeGreaterThan(100_000);
  });

  it('compose: docker-compose config reads back every value, secrets from .env', () => {
    const files = RENDERERS.compose(composed.app!);
    const dir = writeTemp(files);
    const { config } = dockerComposeConfig(dir);
    const env = config.services.web.environment as Record<string, string>;
    VALUES.forEach((v, i) => expect(unescapeCompose(env[`V${i}`] ?? ''), `V${i}`).toBe(v));
    PASSWORDS.forEach((p, i) => {
      expect(unescapeCompose(config.services[`db${i}`].environment.POSTGRES_PASSWORD), `db${i}`).toBe(p);
      expect(unescapeCompose(env[`DB${i}_PASSWORD`]!)).toBe(p);
      expect(unescapeCompose(env[`DB${i}_URL`]!)).toBe(url(p, i));
    });
    const composeYaml = files.find((f) => f.path === 'compose.yaml')!.content;
    for (const p of PASSWORDS) expect(composeYaml).not.toContain(p);
  });

  it('compose: the YAML parser reads compose.yaml back (with Compose $$ escapes) and the secret reader reads .env back', () => {
    const files = RENDERERS.compose(composed.app!);
    const doc = parseAllDocuments(files.find((f) => f.path === 'compose.yaml')!.content);
    expect(doc.flatMap((d) => d.errors)).toEqual([]);
    const env = (doc[0]!.toJS() as any).services.web.environment as Record<string, string>;
    VALUES.forEach((v, i) => expect(unescapeCompose(env[`V${i}`]!)).toBe(v));
    const secrets = readComposeSecrets(filesByPath(files));
    PASSWORDS.forEach((p, i) => expect(secrets[`db${i}`]?.password).toBe(p));
  });

  it('kubernetes: every file parses, and every value is there exactly (Secrets decoded)', () => {
    const strings = new Set<string>();
    for (const f of RENDERERS.kubernetes(composed.app!)) {
      const docs = parseAllDocuments(f.content);
      expect(
        docs.flatMap((d) => d.errors),
        f.path,
      ).toEqual([]);
      for (const d of docs) collect(d.toJS(), strings);
    }
    for (const v of [...VALUES.filter((v) => v !== ''), ...PASSWORDS, ...PASSWORDS.map(url)]) expect(strings.has(v), JSON.stringify(v.slice(0, 60))).toBe(true);
  });

  it('helm: values.yaml parses and holds every secret input exactly', () => {
    const files = RENDERERS.helm(composed.app!);
    const values = parseAllDocuments(files.find((f) => f.path === 'values.yaml')!.content);
    expect(values.flatMap((d) => d.errors)).toEqual([]);
    const parsed = values[0]!.toJS() as Record<string, Record<string, unknown>>;
    PASSWORDS.forEach((p, i) => expect(parsed[`db${i}`]!.password).toBe(p));
  });
});

function collect(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    // Env values, commands and args are expanded by the kubelet, where `$$` stands for `$`.
    into.add(key === 'value' || key === 'command' || key === 'args' ? value.replace(/\$\$/g, '$') : value);
    if (key === 'data') into.add(Buffer.from(value, 'base64').toString('utf8'));
  } else if (Array.isArray(value)) value.forEach((v) => collect(v, into, key));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'data' && v && typeof v === 'object') for (const s of Object.values(v)) collect(s, into, 'data');
      else collect(v, into, k);
    }
  }
}
