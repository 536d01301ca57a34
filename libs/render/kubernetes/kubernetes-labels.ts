import type { ResolvedApp, ResolvedInstance } from '../../composition/resolved-app.js';

export const MANAGED_BY = 'aisle';

/**
 * Makes text a valid label value: at most 63 characters of letters, digits, `-`, `_`
 * and `.`, starting and ending with a letter or digit (a semver `+build` becomes `_build`).
 */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/** The labels that pick an instance's pods: only ones that never change across upgrades. */
export function selectorLabels(app: ResolvedApp, instance: ResolvedInstance): Record<string, string> {
  return {
    'app.kubernetes.io/instance': instance.name,
    'app.kubernetes.io/part-of': app.name,
  };
}

/** The recommended `app.kubernetes.io/*` labels of every object an instance owns. */
export function instanceLabels(app: ResolvedApp, instance: ResolvedInstance): Record<string, string> {
  return {
    'app.kubernetes.io/component': labelValue(instance.component.aisle),
    'app.kubernetes.io/instance': instance.name,
    'app.kubernetes.io/managed-by': MANAGED_BY,
    'app.kubernetes.io/name': labelValue(instance.component.name),
    'app.kubernetes.io/part-of': app.name,
    'app.kubernetes.io/version': labelValue(instance.component.version),
  };
}

/** Annotations that trace an object back to the certified component version it came from. */
export function componentAnnotations(instance: ResolvedInstance): Record<string, string> {
  return {
    'aisle.dev/component': `${instance.component.name}@${instance.component.version}`,
    'aisle.dev/digest': instance.component.digest,
  };
}
