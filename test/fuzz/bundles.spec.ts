import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { run } from '../../apps/cli/src/main.js';
import { shippedCatalogDir } from '../../libs/catalog/index.js';
import { applyFilters, composeApp, type ResolvedApp, type ValuePart } from '../../libs/composition/index.js';
import type { Diagnostic } from '../../libs/diagnostics/index.js';
import { checkAppSpec } from '../../libs/manifest/index.js';
import { parseDotenv, readLockFiles, RENDERERS, TARGETS, type BundleFile, type Target } from '../../libs/render/index.js';
import { composeSchemaErrors } from '../bundles/compose-checks.js';
import { shippedCatalog } from '../bundles/example-bundles.js';
import { appSpecs, type GeneratedSpec } from './app-spec-arbitraries.js';
import { hostileText, instanceName, literal, markedSecret } from './bundle-arbitraries.js';
import { composeContainerEnv, helmContainerEnvs, kubernetesContainerEnv, type ContainerEnv } from './container-env.js';
import { FUZZ_RUNS, fuzzParameters } from './fuzz-config.js';

const catalog = shippedCatalog();
const appSpec = appSpecs(catalog);

/** Every problem has a code and a path, and holds no secret the spec gave. */
function expectCleanDiagnostics(diagnostics: readonly Diagnostic[], secrets: GeneratedSpec['secrets']): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[A-Z][A-Z_]+$/);
    if (d.severity === 'error') expect(d.path, `${d.code} ${d.message}`).not.toBe('');
    const text = `${d.path} ${d.message}`;
    for (const s of secrets) {
      if (s.marker) expect(text, d.code).not.toContain(s.marker);
      if (s.value.length >= 6) expect(text, d.code).not.toContain(s.value);
    }
  }
}

/** Every YAML file parses with the yaml library, JSON parses, .env reads, the lock lists every file. */
function expectReadable(files: readonly BundleFile[], target: Target): void {
  for (const f of files) {
    if (f.path.endsWith('.json')) JSON.parse(f.content);
    else if (f.path === '.env') parseDotenv(f.content);
    else if (!f.path.startsWith('templates/') && /\.(yaml|lock)$/.test(f.path)) {
      // As docker-compose, kubectl and Helm read them (YAML 1.1); the goldens' own tests read 1.2 too.
      for (const doc of parseAllDocuments(f.content, { version: '1.1' }))
        expect(
          doc.errors.map((e) => e.message),
          `${target} ${f.path}`,
        ).toEqual([]);
    }
  }
  const listed = readLockFiles(files.find((f) => f.path === 'aisle.lock')!.content)!;
  expect([...listed.keys()]).toEqual(files.map((f) => f.path).filter((p) => p !== 'aisle.lock'));
  if (target === 'compose') expect(composeSchemaErrors(files.find((f) => f.path === 'compose.yaml')!.content)).toEqual([]);
}

describe('fuzzed app specs through composition and every renderer', () => {
  it('never throws; every rejection has a code and a path and echoes no secret; every bundle reads back', () => {
    let accepted = 0;
    fc.assert(
      fc.property(appSpec, ({ spec, secrets }) => {
        const checked = checkAppSpec(spec);
        expectCleanDiagnostics(checked.diagnostics, secrets);
        if (!checked.value) return;
        const composed = composeApp(checked.value, catalog);
        expectCleanDiagnostics([...composed.diagnostics, ...composed.warnings], secrets);
        if (!composed.app) {
          expect(composed.diagnostics.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        for (const target of TARGETS) expectReadable(RENDERERS[target](composed.app), target);
      }),
      fuzzParameters(),
    );
    // The generator must reach the renderers often enough to mean something.
    expect(accepted).toBeGreaterThan(100);
  }, 60_000);
});

// Values of every kind, and now and then at the length limits (a vhost holds 255 characters, env values have none).
const value = fc.oneof(
  { weight: 8, arbitrary: hostileText(12) },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileText(2), fc.constantFrom(254, 255, 256, 254, 255, 256, 20_000)).map(([t, n]) => `${t}${'é$\n'.repeat(n)}`.slice(0, n)),
  },
);

const inputs = fc.record({ vhost: value, plain: value, before: value, after: value, password: markedSecret(12, 128) });

/** What each container must see: every env value rebuilt from its parts, with the target's host names. */
function expectedEnv(app: ResolvedApp, host: (instance: string) => string): ContainerEnv {
  const byName = new Map(app.instances.map((i) => [i.name, i]));
  const text = (part: ValuePart): string => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'host':
        return host(part.instance);
      case 'name':
        return part.instance;
      case 'input':
        return applyFilters(String(byName.get(part.instance)!.inputs[part.input]), part.filters);
    }
  };
  return Object.fromEntries(app.instances.map((i) => [i.name, Object.fromEntries(i.env.map((e) => [e.name, e.parts.map(text).join('')]))]));
}

describe('fuzzed input values through composition and every renderer', () => {
  it('every accepted value reaches each container exactly, in every target; secrets stay in secret files and out of messages', () => {
    let accepted = 0;
    // Charts are rendered by the real helm after the property, all in one run: one run a case would take minutes.
    const charts: Array<{ files: BundleFile[]; expected: ContainerEnv; values: unknown }> = [];
    fc.assert(
      fc.property(inputs, (v) => {
        const secrets = [v.password];
        // A `$` just before `${{` would make it `$${{`, the escape for a literal `${{` (the template language has no other).
        const before = v.before.endsWith('$') ? `${v.before} ` : v.before;
        const spec = {
          apiVersion: 'aisle.dev/v1' as const,
          kind: 'App' as const,
          metadata: { name: 'shop' },
          instances: {
            // Two instances keep a case cheap: a free-text input (vhost), a secret, and wiring with and without urlencode.
            mq: { component: 'rabbitmq', inputs: { vhost: literal(v.vhost), password: literal(v.password.value) } },
            web: {
              component: 'web-app',
              inputs: { image: 'docker.io/traefik/whoami:v1.10' },
              env: {
                PLAIN: literal(v.plain),
                MQ_URL: '${{ mq.url }}',
                VHOST: '${{ mq.vhost }}',
                MIXED: `${literal(before)}\${{ mq.password }}${literal(v.after)}`,
              },
            },
          },
        };
        const checked = checkAppSpec(spec);
        expectCleanDiagnostics(checked.diagnostics, secrets);
        if (!checked.value) return;
        const composed = composeApp(checked.value, catalog);
        expectCleanDiagnostics([...composed.diagnostics, ...composed.warnings], secrets);
        if (!composed.app) return;
        accepted++;
        const app = composed.app;
        const instance = (name: string) => app.instances.find((i) => i.name === name)!;
        expect(instance('mq').inputs).toMatchObject({ vhost: v.vhost, password: v.password.value });
        const env = Object.fromEntries(instance('web').env.map((e) => [e.name, e.value]));
        expect(env).toMatchObject({ PLAIN: v.plain, VHOST: v.vhost, MIXED: `${before}${v.password.value}${v.after}` });
        expect(env.MQ_URL).toBe(`amqp://app:${encodeURIComponent(v.password.value)}@mq:5672/${encodeURIComponent(v.vhost)}`);

        const bundles = Object.fromEntries(TARGETS.map((t) => [t, RENDERERS[t](app)])) as Record<Target, BundleFile[]>;
        for (const [target, read] of [
          ['compose', composeContainerEnv],
          ['kubernetes', kubernetesContainerEnv],
        ] as const) {
          const seen = read(bundles[target]);
          const expected = expectedEnv(app, (i) => i);
          for (const [name, variables] of Object.entries(expected)) expect(seen[name], `${target} ${name}`).toMatchObject(variables);
        }
        // A chart's objects (and so its host names) are named after the release.
        charts.push({ files: bundles.helm, expected: expectedEnv(app, (i) => `rel-${i}`), values: v });
        const values = parse(bundles.helm.find((f) => f.path === 'values.yaml')!.content, { version: '1.1' });
        expect(values.mq).toMatchObject({ vhost: v.vhost, password: v.password.value });
        for (const files of Object.values(bundles)) {
          for (const f of files) {
            if (f.mode === 0o600) continue;
            for (const s of secrets) expect(f.content, f.path).not.toContain(s.marker);
          }
        }
      }),
      fuzzParameters(),
    );
    expect(accepted).toBeGreaterThan(300);
    const seen = helmContainerEnvs(charts.map((c) => c.files));
    charts.forEach((chart, n) => {
      for (const [name, variables] of Object.entries(chart.expected))
        expect(seen[n]![name], `helm ${name}, case ${JSON.stringify(chart.values)}`).toMatchObject(variables);
    });
  }, 120_000);
});

/** Every entry under `root`: a file's content, a link's target, or that it is a folder. */
function tree(root: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isSymbolicLink()) out.set(path, `link → ${readlinkSync(join(root, path))}`);
    else if (e.isDirectory()) {
      out.set(path, 'folder');
      for (const [p, v] of tree(root, path)) out.set(p, v);
    } else out.set(path, `file ${readFileSync(join(root, path)).toString('base64')} ${lstatSync(join(root, path)).mode & 0o777}`);
  }
  return out;
}

const OUTS = ['out', 'out/', './out', 'deep/er/out', 'out/../out2', 'sub/./out', '../outside/out', '.'];
// What may already sit in --out: links leading out of it, and a forged lock claiming files elsewhere.
const TRAPS = ['templates', 'db', 'web', 'cache', '.env', 'compose.yaml', 'values.yaml', 'kustomization.yaml'];

const cliCase = fc.record({
  out: fc.constantFrom(...OUTS),
  target: fc.constantFrom(...TARGETS),
  force: fc.boolean(),
  earlier: fc.boolean(),
  traps: fc.subarray(TRAPS),
  forgedLock: fc.boolean(),
  instances: fc.uniqueArray(fc.tuple(instanceName, fc.constantFrom('postgresql', 'redis', 'web-app')), { minLength: 1, maxLength: 3, selector: ([n]) => n }),
});

describe('fuzzed aisle compose runs', () => {
  // Only the components the runs use: loading the whole catalog would be most of each run's time.
  const catalogDir = mkdtempSync(join(tmpdir(), 'aisle-fuzz-catalog-'));
  beforeAll(() => {
    for (const name of ['postgresql', 'redis', 'web-app']) cpSync(join(shippedCatalogDir(), name), join(catalogDir, name), { recursive: true });
  });
  afterAll(() => rmSync(catalogDir, { recursive: true, force: true }));

  it('never write, remove or follow a link outside --out, and change nothing when they fail', async () => {
    await fc.assert(
      fc.asyncProperty(cliCase, async (c) => {
        const sandbox = mkdtempSync(join(tmpdir(), 'aisle-fuzz-cli-'));
        try {
          const cwd = join(sandbox, 'work');
          mkdirSync(join(sandbox, 'outside/dir'), { recursive: true });
          writeFileSync(join(sandbox, 'outside/victim.txt'), 'victim\n');
          mkdirSync(cwd);
          const instances = Object.fromEntries(
            c.instances.map(([name, component]) => [
              name,
              { component, ...(component === 'web-app' ? { inputs: { image: 'a/b:1' } } : component === 'postgresql' ? { inputs: { database: 'app' } } : {}) },
            ]),
          );
          writeFileSync(join(cwd, 'app.yaml'), stringify({ apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: 'shop' }, instances }));
          const dir = resolve(cwd, c.out);
          const io = { out: () => {}, err: () => {}, cwd, env: {} };
          const args = ['compose', 'app.yaml', '--target', c.target, '--out', c.out, '--catalog', catalogDir];
          if (c.earlier) await run(args, io);
          mkdirSync(dir, { recursive: true });
          for (const trap of c.traps) {
            rmSync(join(dir, trap), { recursive: true, force: true });
            symlinkSync(trap.includes('.') ? join(sandbox, 'outside/victim.txt') : join(sandbox, 'outside/dir'), join(dir, trap));
          }
          if (c.forgedLock) {
            const digest = `sha256:${createHash('sha256').update('victim\n').digest('hex')}`;
            const files = Object.fromEntries(
              [
                '../outside/victim.txt',
                'templates/../../outside/victim.txt',
                'db/../../outside/victim.txt',
                `${sandbox}/outside/victim.txt`,
                'templates/victim.txt',
                'db/victim.txt',
              ].map((p) => [p, digest]),
            );
            writeFileSync(
              join(dir, 'aisle.lock'),
              stringify({ apiVersion: 'aisle.dev/v1', kind: 'Lock', app: 'shop', target: c.target, instances: {}, files }),
            );
          }
          const before = tree(sandbox);
          const code = await run(c.force ? [...args, '--force'] : args, io);
          const after = tree(sandbox);
          expect([0, 1, 2]).toContain(code);
          const inside = (path: string) => {
            const absolute = join(sandbox, path);
            return absolute === dir || absolute.startsWith(`${dir}/`);
          };
          for (const path of new Set([...before.keys(), ...after.keys()])) {
            if (before.get(path) === after.get(path)) continue;
            expect(code, `${path} changed though the run failed`).toBe(0);
            expect(inside(path), `${path} changed outside --out ${c.out}`).toBe(true);
          }
        } finally {
          rmSync(sandbox, { recursive: true, force: true });
        }
      }),
      fuzzParameters({ numRuns: Math.max(50, Math.round(FUZZ_RUNS / 20)) }),
    );
  }, 60_000);
});
