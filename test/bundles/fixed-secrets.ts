import type { CatalogIndex } from '../../libs/catalog/index.js';
import type { AppSpec } from '../../libs/manifest/index.js';

/**
 * Stand-in "previous secrets" for every generated input of an app, derived from the
 * instance and input names, so golden bundles are byte-stable without weakening any
 * comparison. Shaped by each input's generator and length bounds.
 */
export function fixedSecrets(spec: AppSpec, catalog: CatalogIndex): Record<string, Record<string, string>> {
  const secrets: Record<string, Record<string, string>> = {};
  for (const [name, instance] of Object.entries(spec.instances)) {
    const version = catalog.resolve(instance.component).version;
    if (!version) continue;
    for (const [input, p] of Object.entries(version.manifest.spec.inputs.properties)) {
      const generator = p['x-aisle-generate'];
      if (!generator) continue;
      const seed = `${name}${input}`.replace(/[^A-Za-z0-9]/g, '');
      let value: string;
      if (generator === 'uuid') value = '00000000-0000-4000-8000-000000000000';
      else if (generator === 'hex') value = '0123456789abcdef'.repeat(8).slice(0, Math.max(p.minLength ?? 0, 64));
      else if (generator === 'base64url') value = 'AAAAAAAAAAAAAAAAAAAAAA';
      else {
        const length = Math.min(Math.max(24, p.minLength ?? 0), p.maxLength ?? 128);
        value = `Golden${seed}0123456789`.repeat(8).slice(0, length);
      }
      (secrets[name] ??= {})[input] = value;
    }
  }
  return secrets;
}
