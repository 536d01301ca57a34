import { checkAisle, type CatalogIndex, type KitVersion } from '../catalog/index.js';
import { composeApp, expandKit, kitExampleInputs } from '../composition/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ComponentManifest } from '../manifest/index.js';
import type { ManifestRule } from './lint-rule.js';
import { defaultsValid } from './rules/defaults-valid.js';
import { descriptionLicense } from './rules/description-license.js';
import { requiredInputs } from './rules/required-inputs.js';
import { secretNoDefault } from './rules/secret-no-default.js';
import { secretWriteOnly } from './rules/secret-write-only.js';

/** The component rules that read only inputs and metadata, so hold a kit's inputs as they hold a component's. */
const SHARED_RULES: readonly ManifestRule[] = [requiredInputs, secretWriteOnly, secretNoDefault, defaultsValid, descriptionLicense];

/** Every conformance check of a kit by name: what its certification record lists as passed. */
export const KIT_RULES: readonly string[] = [...SHARED_RULES.map((r) => r.name), 'kit-components-certified', 'kit-composes'];

/**
 * The conformance checks of one kit against the catalog it ships in: the shared input
 * rules; every instance resolves to a certified version that is not deprecated; and the
 * kit, given only its defaults (and the first example of each required input), composes
 * without an error, as `aisle get KIT` would.
 */
export function lintKit(kit: KitVersion, catalog: CatalogIndex): Diagnostic[] {
  const finding = (rule: string, path: string, message: string): Diagnostic => ({
    severity: 'error',
    code: 'LINT_RULE',
    path,
    message,
    rule,
    file: kit.source,
  });
  const manifest = kit.kit as unknown as ComponentManifest;
  const out: Diagnostic[] = checkAisle(kit.kit.metadata.aisle, 'metadata.aisle').map((d) => ({ ...d, file: kit.source }));
  for (const rule of SHARED_RULES) for (const f of rule.check(manifest)) out.push(finding(rule.name, f.path, f.message));
  for (const [name, instance] of Object.entries(kit.kit.spec.instances)) {
    const resolved = catalog.resolve(instance.component, `spec.instances.${name}.component`);
    const path = `spec.instances.${name}.component`;
    if (!resolved.version) out.push(...resolved.diagnostics.map((d) => finding('kit-components-certified', path, d.message)));
    else if (resolved.version.deprecated)
      out.push(finding('kit-components-certified', path, `picks ${resolved.version.name}@${resolved.version.version}, which is deprecated`));
    else if (resolved.version.certification.level !== 'certified' && resolved.version.certification.code !== 'CERTIFICATION_MISSING')
      out.push(finding('kit-components-certified', path, `picks ${resolved.version.name}@${resolved.version.version}, which is not certified`));
  }
  if (out.length > 0) return out;
  const examples = kitExampleInputs(kit);
  for (const name of examples.missing)
    out.push(
      finding('kit-composes', `spec.inputs.properties.${name}`, 'is required: give it an example (examples: [...]) so the kit can be composed to check it'),
    );
  if (out.length > 0) return out;
  const expanded = expandKit(kit, examples.values);
  for (const d of expanded.diagnostics) if (d.severity === 'error') out.push(finding('kit-composes', `spec.${d.path}`, d.message));
  if (!expanded.spec) return out;
  const composed = composeApp(expanded.spec, catalog);
  for (const d of composed.diagnostics) out.push(finding('kit-composes', `spec.instances.${d.path}`, d.message));
  return out;
}
