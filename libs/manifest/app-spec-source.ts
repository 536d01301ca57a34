import type { AppSpec } from './app-spec.js';

/** Where a parsed app spec came from: its file as shown, and the position of any path in it. */
export interface AppSpecSource {
  file?: string;
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

// Kept beside the spec rather than in it: an AppSpec stays plain data (JSON input has no source).
const sources = new WeakMap<AppSpec, AppSpecSource>();

/** Remembers where a spec parsed from YAML came from, for diagnostics found after parsing. */
export function rememberAppSpecSource(spec: AppSpec, source: AppSpecSource): void {
  sources.set(spec, source);
}

/** Where a spec was parsed from, if it was parsed from text (parseAppSpec). */
export function appSpecSource(spec: AppSpec): AppSpecSource | undefined {
  return sources.get(spec);
}
