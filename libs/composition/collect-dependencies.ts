import { didYouMean, error, type Diagnostic } from '../diagnostics/index.js';
import { hasTemplateSyntax, type AppSpec } from '../manifest/index.js';
import { parsedTemplate } from './evaluate-template.js';
import type { DependencyGraph } from './start-order.js';

/**
 * The dependency graph of an app spec: an instance depends on every instance whose
 * outputs its inputs or env refer to, and on those it lists under `dependsOn`.
 * Unknown names under `dependsOn` are reported here; unknown wiring later, with its output.
 */
export function collectDependencies(spec: AppSpec): { graph: DependencyGraph; diagnostics: Diagnostic[] } {
  const graph: DependencyGraph = new Map();
  const diagnostics: Diagnostic[] = [];
  const instances = spec.instances;
  for (const name of Object.keys(instances).sort()) {
    const deps = new Map<string, string>();
    const instance = instances[name]!;
    for (const section of ['inputs', 'env'] as const) {
      for (const [key, value] of Object.entries(instance[section] ?? {})) {
        if (typeof value !== 'string' || !hasTemplateSyntax(value)) continue;
        for (const segment of parsedTemplate(value).segments) {
          if (segment.kind !== 'ref') continue;
          const target = segment.ref[0]!;
          if (Object.hasOwn(instances, target) && !deps.has(target)) deps.set(target, `${name}.${section}.${key}`);
        }
      }
    }
    (instance.dependsOn ?? []).forEach((target, i) => {
      const path = `${name}.dependsOn.${i}`;
      if (!Object.hasOwn(instances, target)) {
        diagnostics.push(error('WIRING_UNKNOWN_INSTANCE', path, `"${target}" is not an instance of this app${didYouMean(target, Object.keys(instances))}`));
      } else if (!deps.has(target)) deps.set(target, path);
    });
    graph.set(name, deps);
  }
  return { graph, diagnostics };
}
