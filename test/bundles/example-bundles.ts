import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, shippedCatalogDir, type CatalogIndex } from '../../libs/catalog/index.js';
import { composeApp, expandKit, kitExampleInputs } from '../../libs/composition/index.js';
import { parseAppSpec, type AppSpec } from '../../libs/manifest/index.js';
import { RENDERERS, type BundleFile, type Target } from '../../libs/render/index.js';
import { fixedSecrets } from './fixed-secrets.js';

export const EXAMPLES_DIR = join(__dirname, '../../examples');

let catalog: CatalogIndex | undefined;

/** The shipped catalog, loaded once per test file. */
export function shippedCatalog(): CatalogIndex {
  catalog ??= loadCatalog(shippedCatalogDir()).index;
  return catalog;
}

/**
 * The example app specs, `examples/NAME.yaml` → NAME, then every kit of the shipped
 * catalog (NAME-kit): a kit's bundles are checked by the same validators and goldens.
 */
export function exampleNames(): string[] {
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
  return [...files, ...kitNames()];
}

/** The shipped catalog's kits. */
export function kitNames(): string[] {
  return shippedCatalog().kitNames();
}

/** Parses an example's spec, or expands a kit with its example inputs; throws when it is invalid (a broken example is a bug). */
export function exampleSpec(name: string): AppSpec {
  const kit = shippedCatalog().kitVersions(name)[0];
  if (kit) {
    const expanded = expandKit(kit, kitExampleInputs(kit).values);
    if (!expanded.spec) throw new Error(`${name}: ${JSON.stringify(expanded.diagnostics)}`);
    return expanded.spec;
  }
  const parsed = parseAppSpec(readFileSync(join(EXAMPLES_DIR, `${name}.yaml`), 'utf8'), `examples/${name}.yaml`);
  if (!parsed.value) throw new Error(`examples/${name}.yaml: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.value;
}

/** An example rendered for a target, with fixed secrets so the bytes are stable. */
export function exampleBundle(name: string, target: Target): BundleFile[] {
  const spec = exampleSpec(name);
  const composed = composeApp(spec, shippedCatalog(), { previousSecrets: fixedSecrets(spec, shippedCatalog()) });
  if (!composed.app) throw new Error(`examples/${name}.yaml: ${JSON.stringify(composed.diagnostics)}`);
  return RENDERERS[target](composed.app);
}
