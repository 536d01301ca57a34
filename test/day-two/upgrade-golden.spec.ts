import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parseComponentRef } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import type { AppSpec } from '../../libs/manifest/index.js';
import { LOCK_FILE, RENDERERS, TARGETS, type BundleFile, type Target } from '../../libs/render/index.js';
import { parseLock, planUpgrade, type UpgradePlan } from '../../libs/upgrade/index.js';
import { exampleBundle, exampleSpec, EXAMPLES_DIR, shippedCatalog } from '../bundles/example-bundles.js';
import { fixedSecrets } from '../bundles/fixed-secrets.js';

const GOLDEN_DIR = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const examples = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

/** The example's spec with each instance pinned to the oldest catalog version its range allows: a bundle made long ago. */
function pinnedOldest(spec: AppSpec): AppSpec {
  const instances: AppSpec['instances'] = {};
  for (const [name, instance] of Object.entries(spec.instances)) {
    const ref = parseComponentRef(instance.component).ref!;
    const oldest = shippedCatalog()
      .versions(ref.name)
      .map((v) => v.version)
      .filter((v) => semver.satisfies(v, ref.range))
      .sort(semver.compare)[0]!;
    instances[name] = { ...instance, component: `${ref.name}@${oldest}` };
  }
  return { ...spec, instances };
}

function oldBundle(spec: AppSpec, target: Target): BundleFile[] {
  const composed = composeApp(spec, shippedCatalog(), { previousSecrets: fixedSecrets(spec, shippedCatalog()) });
  if (!composed.app) throw new Error(JSON.stringify(composed.diagnostics));
  return RENDERERS[target](composed.app);
}

/** The plan as a person reads it in `aisle upgrade --dry-run`: who moves, then the diff (files holding secrets not shown). */
function shown(plan: UpgradePlan): string {
  const lines = plan.instances.flatMap((i) => [
    `${i.instance}: ${i.component} ${i.from} → ${i.to}`,
    ...i.migrations.map((m) => `  input migration: ${m}`),
    ...i.data.map((d) => `  data note: ${d}`),
  ]);
  const diffs = plan.changes.map((c) => (c.masked ? `${c.change} ${c.path} (holds secrets: not shown)\n` : c.diff!));
  return `${lines.join('\n')}\n${diffs.join('')}`;
}

describe('each example, composed from the oldest versions its ranges allow, upgrades to the newest in them (golden plans)', () => {
  for (const example of examples) {
    for (const target of TARGETS) {
      it(`${example} → ${target}`, () => {
        const spec = exampleSpec(example);
        const old = oldBundle(pinnedOldest(spec), target);
        const lockText = old.find((f) => f.path === LOCK_FILE)!.content;
        const { lock } = parseLock(lockText);
        const result = planUpgrade({ lock: lock!, lockText, catalog: shippedCatalog(), files: new Map(old.map((f) => [f.path, f.content])), spec });
        expect(result.diagnostics).toEqual([]);
        const plan = result.plan!;
        expect(plan.instances.length).toBeGreaterThan(0);

        // The upgraded bundle is the bundle composed fresh from the example (its secrets carried over),
        // but for the Helm chart's version, one patch up from the one installed.
        const fresh = exampleBundle(example, target);
        const chartBumped = (f: BundleFile) =>
          target !== 'helm' ? f.content : f.content.replace(/^version: .*$/m, 'version: X').replace(/^( +Chart\.yaml: )sha256:[0-9a-f]{64}$/m, '$1sha256:X');
        expect(plan.files.map((f) => [f.path, chartBumped(f)])).toEqual(fresh.map((f) => [f.path, chartBumped(f)]));

        const file = join(GOLDEN_DIR, example, `${target}.txt`);
        if (update) {
          mkdirSync(join(GOLDEN_DIR, example), { recursive: true });
          rmSync(file, { force: true });
          writeFileSync(file, shown(plan));
        }
        expect(shown(plan)).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
