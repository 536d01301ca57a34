import type { CatalogIndex, ComponentVersion } from '../catalog/index.js';
import { validateInputs } from '../inputs/index.js';
import type { Scalar } from '../manifest/index.js';
import type { ImportedService } from './imported-app.js';
import { parseImage } from './parse-image.js';

/** A shipped component that can stand in for an imported service. */
export interface CatalogMatch {
  version: ComponentVersion;
  range: string;
  /** Environment variable → the catalog input it fills (the manifest's env is `${{ inputs.X }}`). */
  inputsByEnv: Map<string, string>;
  /** Catalog input → the output that gives its value to others. */
  outputsByInput: Map<string, string>;
  /** Source port number → the catalog's port name. */
  portNames: Map<number, string>;
}

/**
 * The catalog component with the service's image repository and major version, when
 * the service can be said with it: no command of its own, volumes where the catalog's
 * are, ports it declares, and no variable the catalog sets otherwise. Otherwise the
 * reason it cannot.
 */
export function matchCatalog(service: ImportedService, catalog: CatalogIndex | undefined): CatalogMatch | { reason: string } | undefined {
  const image = parseImage(service.image);
  if (!catalog || !image) return undefined;
  const same = catalog
    .names()
    .flatMap((n) => catalog.versions(n))
    .filter((v) => !v.deprecated && 'repository' in v.manifest.spec.image && v.manifest.spec.image.repository === image.repository);
  if (same.length === 0) return undefined;
  const major = /^v?([0-9]+)/.exec(image.tag)?.[1];
  const version = same.find((v) => major !== undefined && /^v?([0-9]+)/.exec((v.manifest.spec.image as { tag: string }).tag)?.[1] === major);
  const title = `${same[0]!.name}`;
  if (!version) return { reason: `the catalog's ${title} has no version with the image's major version (${image.tag})` };
  if (service.command || service.args) return { reason: `it sets its own command, which ${title} does not take` };
  const runtime = version.manifest.spec.runtime;
  const paths = new Set((runtime.volumes ?? []).map((v) => v.path));
  const stray = service.volumes.find((v) => !paths.has(v.path));
  if (stray) return { reason: `its volume at ${stray.path} is not where ${title} keeps data` };
  const portNames = new Map<number, string>();
  for (const p of service.ports) {
    const theirs = runtime.ports.find((q) => q.port === p.port);
    if (!theirs) return { reason: `its port ${p.port} is not a port of ${title}` };
    portNames.set(p.port, theirs.name);
  }
  const inputsByEnv = new Map<string, string>();
  for (const [name, template] of Object.entries(runtime.env ?? {})) {
    const m = /^\$\{\{\s*inputs\.([A-Za-z0-9]+)\s*\}\}$/.exec(template);
    if (m) inputsByEnv.set(name, m[1]!);
  }
  const fixed = service.env.find((e) => Object.hasOwn(runtime.env ?? {}, e.name) && !inputsByEnv.has(e.name));
  if (fixed) return { reason: `it sets ${fixed.name}, which ${title} sets itself` };
  const outputsByInput = new Map<string, string>();
  for (const [name, output] of Object.entries(version.manifest.spec.outputs)) {
    const m = typeof output.value === 'string' ? /^\$\{\{\s*inputs\.([A-Za-z0-9]+)\s*\}\}$/.exec(output.value) : null;
    if (m && !outputsByInput.has(m[1]!)) outputsByInput.set(m[1]!, name);
  }
  const range = Number(major) >= 1 ? `^${major}` : version.version;
  return { version, range, inputsByEnv, outputsByInput, portNames };
}

/** Problems the catalog component has with literal input values (wired ones are checked when composing). */
export function literalInputProblems(version: ComponentVersion, inputs: Record<string, Scalar>): string[] {
  const literal = Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v !== 'string' || !v.includes('${{')));
  const checked = validateInputs(version, literal);
  const problems = checked.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'INPUT_REQUIRED').map((d) => `${d.path}: ${d.message}`);
  // A required input the source gives no value for, literal or wired, cannot be filled later.
  const properties = version.manifest.spec.inputs.properties;
  for (const name of version.manifest.spec.inputs.required ?? [])
    if (!Object.hasOwn(inputs, name) && properties[name]?.default === undefined && properties[name]?.['x-aisle-generate'] === undefined)
      problems.push(`inputs.${name}: is required, and the source gives no value for it`);
  return problems;
}
